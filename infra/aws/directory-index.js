// CloudFront Functions (cf-js 2.0), viewer request on the site's pages. Not a module: CloudFront calls the
// global handler. S3 has no directories, so /artikler/x/ and /artikler/x are both served /artikler/x/index.html.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
