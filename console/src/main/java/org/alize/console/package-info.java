/**
 * The console: server-rendered pages (Thymeleaf, htmx for partial updates, Chart.js), in French. It owns
 * no data: every read and write is a call to the platform's APIs through the gateway with the logged-in
 * user's access token, which stays on the server (the browser holds only a session cookie).
 */
package org.alize.console;
