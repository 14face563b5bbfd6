package org.vigil.config.lex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/**
 * Splits the text of one object configuration file into definitions, with Nagios's lexical rules:
 * a trailing backslash continues a line, {@code #} and {@code ;} start comments, {@code ;} ends a value
 * unless written {@code \;}, and any run of spaces or tabs separates a key from its value.
 */
public final class ObjectFileLexer {

    /** Lines longer than this are refused rather than held in memory. */
    static final int MAX_LINE = 1 << 20;

    private final Path file;
    private final Diagnostics diags;
    private final Consumer<RawObject> sink;
    private final Consumer<RawAttribute> topLevel;
    private final RepeatedStrings repeated = new RepeatedStrings();

    private String type;
    private SourceLocation start;
    /** The open definition's lines; one list for all, as {@link RawObject} keeps its own copy. */
    private final List<RawAttribute> attributes = new ArrayList<>();
    /** The text {@link #semicolonFrom} last searched, and the first ';' it found there (-1: none). */
    private String searched;
    private int semicolon = -1;

    /**
     * @param topLevel receives {@code include_file}/{@code include_dir} style lines found outside definitions
     */
    public ObjectFileLexer(Path file, Diagnostics diags, Consumer<RawObject> sink, Consumer<RawAttribute> topLevel) {
        this.file = file;
        this.diags = diags;
        this.sink = sink;
        this.topLevel = topLevel;
    }

    /** Lexes the whole text of the file. */
    public void lex(String text) {
        int len = text.length();
        int pos = 0;
        int lineNo = 0;
        StringBuilder logical = null;
        while (pos < len) {
            int startLine = lineNo + 1;
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            lineNo++;
            int end = eol > pos && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            boolean continued = continues(text, pos, end);
            if (!continued && end - pos <= MAX_LINE) {
                // the common case: one physical line, lexed in place without copying it first
                line(text, pos, unescapedEnd(text, pos, end), startLine);
                pos = eol + 1;
                continue;
            }
            // join physical lines ending in a backslash into one logical line
            if (logical == null) {
                logical = new StringBuilder();
            }
            logical.setLength(0);
            boolean tooLong = false;
            while (true) {
                if (logical.length() + (end - pos) > MAX_LINE) {
                    tooLong = true;
                    pos = skipPast(text, eol, continued);
                    lineNo += countSkipped(text, eol, pos);
                    break;
                }
                logical.append(text, pos, continued ? end - 1 : unescapedEnd(text, pos, end));
                pos = eol + 1;
                if (!continued || pos >= len) {
                    break;
                }
                // Nagios drops the leading blanks of a continuation line
                while (pos < len && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                }
                eol = text.indexOf('\n', pos);
                if (eol < 0) {
                    eol = len;
                }
                lineNo++;
                end = eol > pos && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
                continued = continues(text, pos, end);
            }
            if (tooLong) {
                diags.error(new SourceLocation(file, startLine),
                        "line is longer than " + MAX_LINE + " characters (expected a definition line)");
            } else {
                line(logical.toString(), 0, logical.length(), startLine);
            }
        }
        finish(lineNo);
    }

    /** A line continues on the next when it ends in one backslash; two at the end are a backslash. */
    private static boolean continues(String text, int from, int end) {
        return end > from && text.charAt(end - 1) == '\\' && (end - 1 == from || text.charAt(end - 2) != '\\');
    }

    /** Two backslashes ending a line stand for one backslash, as in Nagios's line reader. */
    private static int unescapedEnd(String text, int from, int end) {
        return end - from >= 2 && text.charAt(end - 1) == '\\' && text.charAt(end - 2) == '\\' ? end - 1 : end;
    }

    private static int skipPast(String text, int eol, boolean continued) {
        int len = text.length();
        int pos = eol + 1;
        while (continued && pos < len) {
            int e = pos;
            while (e < len && text.charAt(e) != '\n') {
                e++;
            }
            continued = continues(text, pos, e);
            pos = e + 1;
        }
        return pos;
    }

    private static int countSkipped(CharSequence text, int from, int to) {
        int n = 0;
        for (int i = from + 1; i < Math.min(to, text.length()); i++) {
            if (text.charAt(i - 1) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void line(String text, int from, int to, int lineNo) {
        int cut = to;
        int first = semicolonFrom(text, from);
        for (int i = first; i >= 0 && i < to; i++) { // from the first ';' of the line, if it has one
            if (text.charAt(i) == ';' && (i == from || text.charAt(i - 1) != '\\')) {
                cut = i;
                break;
            }
        }
        while (from < cut && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (cut > from && Character.isWhitespace(text.charAt(cut - 1))) {
            cut--;
        }
        if (from == cut || text.charAt(from) == '#') {
            return;
        }
        if (type != null && cut - from == 1 && text.charAt(from) == '}') {
            close();
            return;
        }
        SourceLocation where = new SourceLocation(file, lineNo);
        if (type == null) {
            outside(text.substring(from, cut), where);
        } else if (startsDefinition(text, from, cut)) {
            diags.error(where, "a new definition starts before the previous one (" + type + " from line "
                    + start.line() + ") was closed (expected '}')");
            close();
            outside(text.substring(from, cut), where);
        } else {
            attribute(text, from, cut, where);
        }
    }

    /**
     * The first ';' at or after {@code from} in {@code text}, or -1. Lines are lexed in order, so the one found is
     * reused until the lines pass it: the file is searched once (by the JDK's vectorised search), not every line
     * character by character.
     */
    private int semicolonFrom(String text, int from) {
        if (text != searched || semicolon >= 0 && semicolon < from) {
            searched = text;
            semicolon = text.indexOf(';', from);
        }
        return semicolon;
    }

    /** A define line inside a definition: the one before was not closed. */
    private static boolean startsDefinition(String text, int from, int cut) {
        if (cut - from <= 6 || !text.startsWith("define", from) || !isBlankOrBrace(text.charAt(from + 6))) {
            return false;
        }
        int brace = text.indexOf('{', from + 1);
        return brace > 0 && brace < cut;
    }

    private void outside(String input, SourceLocation where) {
        if (input.startsWith("define") && (input.length() == 6 || isBlankOrBrace(input.charAt(6)))) {
            int brace = input.indexOf('{');
            if (brace < 0) {
                diags.error(where, "'{' expected on the same line as 'define' (expected 'define TYPE {')");
                return;
            }
            String t = input.substring(6, brace).strip();
            if (t.isEmpty()) {
                diags.error(where, "object type missing (expected 'define TYPE {')");
                return;
            }
            String rest = input.substring(brace + 1).strip();
            type = t;
            start = where;
            attributes.clear();
            if (!rest.isEmpty()) {
                // Nagios drops whatever follows '{' on a define line; say so instead of dropping it silently
                diags.warning(where, "'" + abbreviate(rest) + "' after '{' is ignored, as Nagios ignores it"
                        + " (expected each attribute on a line of its own)");
            }
            return;
        }
        int eq = input.indexOf('=');
        if (eq > 0) {
            String key = input.substring(0, eq).strip();
            if (key.equals("include_file") || key.equals("include_dir")) {
                topLevel.accept(new RawAttribute(key, input.substring(eq + 1).strip(), where));
                return;
            }
        }
        diags.error(where, "unexpected text outside a definition: '" + abbreviate(input)
                + "' (expected 'define TYPE {')");
    }

    private static boolean isBlankOrBrace(char c) {
        return c == ' ' || c == '\t' || c == '{';
    }

    /**
     * {@code key value} of the line {@code text[from, cut)}, trimmed: the key and value are cut straight from the
     * file's text (a line's own copy first was a third of what loading 100,000 services allocated).
     */
    private void attribute(String text, int from, int cut, SourceLocation where) {
        int sep = from;
        while (sep < cut && text.charAt(sep) != ' ' && text.charAt(sep) != '\t') {
            sep++;
        }
        String key = repeated.of(text, from, sep);
        int v = sep;
        while (v < cut && Character.isWhitespace(text.charAt(v))) {
            v++;
        }
        String value = repeated.of(text, v, cut);
        if (value.indexOf('\\') >= 0) {
            value = value.replace("\\;", ";");
        }
        attributes.add(new RawAttribute(key, value, where));
    }

    private void close() {
        sink.accept(new RawObject(type, attributes, start));
        type = null;
        attributes.clear();
    }

    private void finish(int lastLine) {
        if (type != null) {
            diags.error(start, "definition of " + type + " is never closed: end of file reached at line " + lastLine
                    + " (expected '}')");
            type = null;
            attributes.clear();
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
