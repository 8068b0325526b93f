/** The desk's number as the page was built with it (content/contact.yaml, on <body data-desk-phone>), for messages scripts write. */
export const deskPhoneNumber = (): string => document.body.dataset.deskPhone ?? '';
