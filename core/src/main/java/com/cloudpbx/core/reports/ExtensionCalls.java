package com.cloudpbx.core.reports;

/** An extension's calls in a window; {@code totalDuration} sums their {@code duration_seconds}. */
public record ExtensionCalls(String extension, long totalCalls, long totalDuration) {
}
