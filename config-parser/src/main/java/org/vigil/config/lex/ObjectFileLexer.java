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

    private String type;
    private SourceLocation start;
    private List<RawAttribute> attributes;

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
    public void lex(CharSequence text) {
        int len = text.length();
        int pos = 0;
        int lineNo = 0;
        StringBuilder logical = new StringBuilder();
        while (pos < len) {
            int startLine = lineNo + 1;
            logical.setLength(0);
            // join physical lines ending in a backslash into one logical line
            while (pos < len) {
                int eol = pos;
                while (eol < len && text.charAt(eol) != '\n') {
                    eol++;
                }
                lineNo++;
                int end = eol;
                if (end > pos && text.charAt(end - 1) == '\r') {
                    end--;
                }
                boolean continued = end > pos && text.charAt(end - 1) == '\\';
                if (logical.length() + (end - pos) > MAX_LINE) {
                    diags.error(new SourceLocation(file, startLine),
                            "line is longer than " + MAX_LINE + " characters (expected a definition line)");
                    logical.setLength(0);
                    pos = skipPast(text, eol, continued);
                    lineNo += countSkipped(text, eol, pos);
                    break;
                }
                logical.append(text, pos, continued ? end - 1 : end);
                pos = eol + 1;
                if (!continued) {
                    break;
                }
            }
            line(logical, new SourceLocation(file, startLine));
        }
        finish(lineNo);
    }

    private static int skipPast(CharSequence text, int eol, boolean continued) {
        int len = text.length();
        int pos = eol + 1;
        while (continued && pos < len) {
            int e = pos;
            while (e < len && text.charAt(e) != '\n') {
                e++;
            }
            continued = e > pos && text.charAt(e - 1) == '\\';
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

    private void line(StringBuilder raw, SourceLocation where) {
        String input = stripComment(raw).strip();
        if (input.isEmpty() || input.charAt(0) == '#') {
            return;
        }
        if (type == null) {
            outside(input, where);
        } else if (input.equals("}")) {
            close();
        } else {
            inside(input, where);
        }
    }

    /** Cuts the line at the first {@code ;} not written as {@code \;}, the way Nagios does. */
    static String stripComment(CharSequence raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            if (raw.charAt(i) == ';' && (i == 0 || raw.charAt(i - 1) != '\\')) {
                return raw.subSequence(0, i).toString();
            }
        }
        return raw.toString();
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
            attributes = new ArrayList<>();
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

    private void inside(String input, SourceLocation where) {
        if (input.startsWith("define") && input.indexOf('{') > 0 && input.length() > 6
                && isBlankOrBrace(input.charAt(6))) {
            diags.error(where, "a new definition starts before the previous one (" + type + " from line "
                    + start.line() + ") was closed (expected '}')");
            close();
            outside(input, where);
            return;
        }
        int sep = 0;
        while (sep < input.length() && input.charAt(sep) != ' ' && input.charAt(sep) != '\t') {
            sep++;
        }
        String key = input.substring(0, sep);
        String value = input.substring(sep).strip();
        if (value.indexOf('\\') >= 0) {
            value = value.replace("\\;", ";");
        }
        attributes.add(new RawAttribute(key, value, where));
    }

    private void close() {
        sink.accept(new RawObject(type, attributes, start));
        type = null;
        attributes = null;
    }

    private void finish(int lastLine) {
        if (type != null) {
            diags.error(start, "definition of " + type + " is never closed: end of file reached at line " + lastLine
                    + " (expected '}')");
            type = null;
            attributes = null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
