package com.cloudpbx.http.xmlcurl;

/** Escaping for values placed in XML attributes and text. */
final class Xml {

    private Xml() {
    }

    /**
     * Escapes the five markup characters, and drops the control characters XML 1.0 cannot carry at
     * all, so no value can end an attribute, open an element or break the document.
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
