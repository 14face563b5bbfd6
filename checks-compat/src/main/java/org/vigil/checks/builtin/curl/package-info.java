/**
 * Built-in {@code check_curl}: the request libcurl sends for the plugin, the response as libcurl reads it, the
 * plugin's verdict and texts (libcurl's error texts included), on the built-in checks' event loop.
 */
package org.vigil.checks.builtin.curl;
