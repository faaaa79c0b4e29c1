package com.cloudpbx.http.xmlcurl;

/**
 * Builds a mod_xml_curl answer: a {@code freeswitch/xml} document with one section. Every
 * attribute value passes {@link Xml#escape}, so nothing stored or posted can change its structure.
 */
final class XmlDocument {

    /** What mod_xml_curl expects when there is nothing to answer: FreeSWITCH then treats the lookup as failed. */
    static final String NOT_FOUND = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <document type="freeswitch/xml">
              <section name="result">
                <result status="not found"/>
              </section>
            </document>
            """;

    private final StringBuilder xml = new StringBuilder();
    private int depth;

    XmlDocument(String section) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        open("document", "type", "freeswitch/xml");
        open("section", "name", section);
    }

    /** Opens an element with attributes given as name, value pairs. */
    XmlDocument open(String element, String... attributes) {
        indent().append('<').append(element).append(attributes(attributes)).append(">\n");
        depth++;
        return this;
    }

    XmlDocument close(String element) {
        depth--;
        indent().append("</").append(element).append(">\n");
        return this;
    }

    XmlDocument empty(String element, String... attributes) {
        indent().append('<').append(element).append(attributes(attributes)).append("/>\n");
        return this;
    }

    String render() {
        close("section");
        close("document");
        return xml.toString();
    }

    private StringBuilder indent() {
        return xml.append("  ".repeat(depth));
    }

    private static String attributes(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(' ').append(pairs[i]).append("=\"").append(Xml.escape(pairs[i + 1])).append('"');
        }
        return out.toString();
    }
}
