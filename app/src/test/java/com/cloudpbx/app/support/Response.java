package com.cloudpbx.app.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/** A response as a client sees it: status, headers, raw text and the parsed JSON (if any). */
public record Response(int status, HttpHeaders headers, String text, Object json) {

    /** Reads a value by a dotted path such as {@code "extension.display_name"} or {@code "tenants.0.id"}. */
    public Object at(String path) {
        Object current = json;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("no " + path + " in " + text);
            }
        }
        return current;
    }

    public String string(String path) {
        Object value = at(path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String path) {
        return (List<Map<String, Object>>) at(path);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String path) {
        return (Map<String, Object>) at(path);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
