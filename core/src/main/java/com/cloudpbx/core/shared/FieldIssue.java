package com.cloudpbx.core.shared;

/** One invalid input field and what is wrong with it. */
public record FieldIssue(String field, String message) {
}
