export { requestListener, startWixServer, type WixServer, type WixServerOptions } from './server.js';
