/** A word for a POSIX shell: single-quoted, with any single quote closed, escaped and reopened. */
export const shellWord = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
