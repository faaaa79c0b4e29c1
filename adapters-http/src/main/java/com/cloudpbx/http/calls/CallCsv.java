package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.http.shared.Times;
import java.util.List;
import java.util.Objects;

/**
 * The CSV form of the call history: one header row, then one row per call, CRLF line ends and
 * RFC 4180 quoting.
 * <p>
 * Cells are also made safe to open in a spreadsheet: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return could run as a formula (CSV injection), so it
 * gets a leading apostrophe. Caller names and numbers come from outside callers, so this matters.
 * E.164 numbers start with {@code +} and are prefixed too ({@code '+15551234567}): spreadsheets
 * show them as the text {@code +15551234567} instead of a number that loses its plus sign;
 * programs reading the file strip a leading apostrophe before a {@code +} to get the number back.
 */
public final class CallCsv {

    static final List<String> COLUMNS = List.of("id", "call_uuid", "started_at", "answered_at", "ended_at",
            "direction", "status", "caller_id_number", "caller_id_name", "destination", "extension",
            "duration_seconds", "billsec", "forwarded_to", "was_voicemail", "hangup_cause");

    private static final String LINE_END = "\r\n";

    private CallCsv() {
    }

    public static String header() {
        return line(COLUMNS);
    }

    public static String row(CallRecord call) {
        return line(List.of(call.id().toString(), call.callUuid().toString(), text(Times.iso(call.startedAt())),
                text(Times.iso(call.answeredAt())), text(Times.iso(call.endedAt())), call.direction().wireName(),
                call.status().wireName(), text(call.callerIdNumber()), text(call.callerIdName()),
                text(call.destination()), text(call.extension()), String.valueOf(call.durationSeconds()),
                String.valueOf(call.billsec()), text(call.forwardedTo()), String.valueOf(call.wasVoicemail()),
                text(call.hangupCause())));
    }

    /** One cell: neutralised against formulas, then quoted when it holds a comma, quote, CR or LF. */
    static String cell(String value) {
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String line(List<String> cells) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
