package com.cloudpbx.http.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns bean-validation violations into {@link InvalidField}s named the way the client sent the data.
 * Micronaut reports paths like {@code create.body.members[0].extension}: the method and the Java
 * parameter holding the body mean nothing to a client, so they are dropped; a violated query or path
 * parameter keeps its own name.
 */
final class ConstraintViolationIssues {

    private ConstraintViolationIssues() {
    }

    static List<InvalidField> from(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
            .map(v -> new InvalidField(fieldName(v.getPropertyPath()), v.getMessage()))
            .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
            .toList();
    }

    static String fieldName(Path path) {
        String parameter = null;
        List<String> segments = new ArrayList<>();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            appendIndex(node, segments);
            String name = node.getName();
            // container elements are named like "<list element>"; their index is all the client needs
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                segments.add(name);
            }
        }
        if (segments.isEmpty()) {
            return parameter != null ? parameter : path.toString();
        }
        return String.join(".", segments);
    }

    // Per the bean-validation spec the index of an element sits on the node *after* the iterable,
    // so it belongs to the segment collected just before this node.
    private static void appendIndex(Path.Node node, List<String> segments) {
        if (!node.isInIterable() || segments.isEmpty()) {
            return;
        }
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (position == null) {
            return;
        }
        int last = segments.size() - 1;
        segments.set(last, segments.get(last) + "[" + position + "]");
    }
}
