package org.vigil.checks.builtin.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * check_http's redir(): finds the Location header, reads it with the plugin's six sscanf forms
 * (scheme://host:port/path, scheme://host/path, scheme://host:port, scheme://host, //host/path, a path, relative
 * to the current URL's directory when it does not start with a slash), checks the depth and the loop the plugin
 * checks, and gives the next hop or the plugin's verdict. Possessive quantifiers: sscanf's scansets take all they
 * can and never give back.
 */
final class RedirectLocation {

    private static final String TYPE = "([HTPShtps]{1,5}+)";
    private static final String HOST = "([-.a-zA-Z0-9]{1,255}+)";
    private static final String PORT = "([0-9]{1,6}+)";
    private static final String PATH = "([-_.!~*'();/?:@&=+$,%#a-zA-Z0-9]++)";
    private static final Pattern HD1 = Pattern.compile(TYPE + "://" + HOST + ":" + PORT + "/" + PATH);
    private static final Pattern HD2 = Pattern.compile(TYPE + "://" + HOST + "/" + PATH);
    private static final Pattern HD3 = Pattern.compile(TYPE + "://" + HOST + ":" + PORT);
    private static final Pattern HD4 = Pattern.compile(TYPE + "://" + HOST);
    private static final Pattern HD5 = Pattern.compile("//" + HOST + "/" + PATH);
    private static final Pattern HD6 = Pattern.compile(PATH);
    private static final Pattern LOCATION = Pattern.compile("[Ll][Oo][Cc][Aa][Tt][Ii][Oo][Nn]:");

    private RedirectLocation() {
    }

    /** Where {@code header} (the response's header lines, without the status line) sends the check next. */
    static HttpVerdict.Outcome follow(HttpOptions o, String header, String statusLine, int depth) {
        int pos = 0;
        while (!LOCATION.matcher(header).region(pos, header.length()).lookingAt()) {
            pos = skipLine(header, pos);
            if (pos >= header.length()) {
                return unknown("HTTP UNKNOWN - Could not find redirect location - " + statusLine + "\n");
            }
        }
        pos += "location:".length();
        pos = span(header, pos, " \t");
        int breaks;
        while ((breaks = span(header, pos, "\r\n") - pos) > 0) {
            pos += breaks;
            int blanks = span(header, pos, " \t") - pos;
            if (blanks == 0) {
                return unknown("HTTP UNKNOWN - Empty redirect location\n");
            }
            pos += blanks;
        }
        String value = header.substring(pos);
        String type;
        String addr;
        int port;
        String url;
        boolean ssl = o.ssl();
        Matcher m;
        if ((m = HD1.matcher(value)).lookingAt()) {
            type = m.group(1);
            addr = m.group(2);
            port = Integer.parseInt(m.group(3));
            url = slashed(m.group(4));
            ssl = type.equals("https");
        } else if ((m = HD2.matcher(value)).lookingAt()) {
            type = m.group(1);
            addr = m.group(2);
            url = slashed(m.group(3));
            ssl = type.equals("https");
            port = ssl ? 443 : 80;
        } else if ((m = HD3.matcher(value)).lookingAt()) {
            type = m.group(1);
            addr = m.group(2);
            port = Integer.parseInt(m.group(3));
            url = "/";
            ssl = type.equals("https");
        } else if ((m = HD4.matcher(value)).lookingAt()) {
            type = m.group(1);
            addr = m.group(2);
            url = "/";
            ssl = type.equals("https");
            port = ssl ? 443 : 80;
        } else if ((m = HD5.matcher(value)).lookingAt()) {
            type = o.ssl() ? "https" : o.serverType();
            addr = m.group(1);
            url = "/" + m.group(2);
            ssl = type.equals("https");
            port = ssl ? 443 : 80;
        } else if ((m = HD6.matcher(value)).lookingAt()) {
            url = m.group(1);
            String current = o.url();
            if (url.charAt(0) != '/') {
                int slash = current.lastIndexOf('/');
                if (slash >= 0) {
                    current = current.substring(0, slash);
                }
                url = current + "/" + url;
            }
            port = o.port();
            type = o.serverType();
            addr = o.shownHost();
            return next(o, type, ssl, addr, port, url, current, depth);
        } else {
            return unknown("HTTP UNKNOWN - Could not parse redirect location - " + value + "\n");
        }
        return next(o, type, ssl, addr, port, url, o.url(), depth);
    }

    /**
     * The checks after reading the location; {@code currentUrl} is the plugin's server_url, which a relative
     * location has cut to its directory before the loop check compares it.
     */
    private static HttpVerdict.Outcome next(HttpOptions o, String type, boolean ssl, String addr, int port,
                                            String url, String currentUrl, int depth) {
        int maxDepth = o.follow().orElseThrow().maxDepth();
        if (depth + 1 > maxDepth) {
            return new HttpVerdict.Outcome(HttpArguments.STATE_WARNING, "HTTP WARNING - maximum redirection depth "
                    + maxDepth + " exceeded - " + type + "://" + addr + ":" + port + url + "\n");
        }
        if (o.port() == port && o.address().equals(addr) && o.hasHostName() && o.hostName().equals(addr)
                && currentUrl.equals(url)) {
            return new HttpVerdict.Outcome(HttpArguments.STATE_CRITICAL, "HTTP CRITICAL - redirection creates an "
                    + "infinite loop - " + type + "://" + addr + ":" + port + url + "\n");
        }
        HttpOptions hop = o.redirectedTo(type, ssl, addr, port, url);
        if (hop.port() > 65535) {
            return unknown("HTTP UNKNOWN - Redirection to port above 65535 - " + type + "://" + hop.address() + ":"
                    + hop.port() + url + "\n");
        }
        return HttpVerdict.Outcome.redirect(hop);
    }

    private static HttpVerdict.Outcome unknown(String text) {
        return new HttpVerdict.Outcome(HttpArguments.STATE_UNKNOWN, text);
    }

    private static String slashed(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private static int skipLine(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) != '\r' && s.charAt(pos) != '\n') {
            pos++;
        }
        return span(s, pos, "\r\n");
    }

    private static int span(String s, int pos, String set) {
        while (pos < s.length() && set.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return pos;
    }
}
