package com.cloudpbx.app.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import net.logstash.logback.decorate.JsonFactoryDecorator;

/**
 * Makes the JSON log lines (logback-json.xml) escape the characters the text lines escape:
 * JSON itself only requires escaping below U+0020, but DEL, the C1 controls (among them NEL, a
 * line break to some readers) and the Unicode line and paragraph separators in caller-controlled
 * text could otherwise still split a line in a log viewer or rewrite a terminal showing it.
 */
public final class ControlCharacterEscapes implements JsonFactoryDecorator {

    @Override
    public JsonFactory decorate(JsonFactory factory) {
        return factory.setCharacterEscapes(new Escapes());
    }

    private static final class Escapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return EscapedMessageConverter.needsEscape(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }
}
