// Loaded with AdminJS's frontend bundle. Marks the UI's own API calls, so that the server answers
// them with 200 and a notice (which the UI shows) while API clients get 403/404/400.
(function markUiRequests() {
  if (typeof window === 'undefined' || window.__portierClient) return;
  window.__portierClient = true;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function patchedOpen(method, url, ...rest) {
    this.__portierUrl = String(url);
    return open.call(this, method, url, ...rest);
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function patchedSend(...args) {
    if (this.__portierUrl && this.__portierUrl.includes('/api/')) this.setRequestHeader('x-portier-ui', '1');
    return send.apply(this, args);
  };
})();

const PortierClient = () => null;
export default PortierClient;
