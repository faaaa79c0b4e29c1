package com.cloudpbx.http.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStatus;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallCsvTest {

    private static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID CALL = UUID.fromString("22222222-2222-2222-2222-222222222222");

    @Test
    void headerNamesEveryColumnInOrder() {
        assertThat(CallCsv.header()).isEqualTo("id,call_uuid,started_at,answered_at,ended_at,direction,status,"
                + "caller_id_number,caller_id_name,destination,extension,duration_seconds,billsec,forwarded_to,"
                + "was_voicemail,hangup_cause\r\n");
    }

    @Test
    void aRowHasOneCellPerColumnAndEmptyCellsForNulls() {
        String row = CallCsv.row(record("1001", "Alice", null, null));

        assertThat(row).isEqualTo(ID + "," + CALL + ",2026-06-01T14:03:22Z,,2026-06-01T14:04:00Z,internal,"
                + "completed,1001,Alice,1002,1002,38,0,,false,NORMAL_CLEARING\r\n");
    }

    @Test
    void cellsWithCommaQuoteOrLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(CallCsv.cell("Smith, John")).isEqualTo("\"Smith, John\"");
        assertThat(CallCsv.cell("The \"Boss\"")).isEqualTo("\"The \"\"Boss\"\"\"");
        assertThat(CallCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CallCsv.cell("car\rriage")).isEqualTo("\"car\rriage\"");
        assertThat(CallCsv.cell("plain")).isEqualTo("plain");
        assertThat(CallCsv.cell("")).isEmpty();
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaGetALeadingApostrophe() {
        assertThat(CallCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CallCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CallCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CallCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CallCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CallCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void e164NumbersArePrefixedTooAndStayReadable() {
        assertThat(CallCsv.cell("+15551234567")).isEqualTo("'+15551234567");

        String row = CallCsv.row(record("+15551234567", "=cmd|' /C calc'!A0", "+15559990000", null));

        assertThat(row).contains(",'+15551234567,'=cmd|' /C calc'!A0,").contains(",'+15559990000,");
    }

    @Test
    void aHostileCallerNameCannotAddCellsOrRows() {
        String row = CallCsv.row(record("1001", "x\",\"=1\r\nforged,row", null, null));

        assertThat(row).contains(",\"x\"\",\"\"=1\r\nforged,row\",");
        assertThat(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).hasSize(CallCsv.COLUMNS.size());
    }

    private static CallRecord record(String callerNumber, String callerName, String forwardedTo, Instant answeredAt) {
        return new CallRecord(ID, TenantId.of(UUID.randomUUID()), CALL, CallDirection.INTERNAL, callerNumber,
                callerName, "1002", "1002", CallStatus.COMPLETED, 38, 0, forwardedTo, false, "NORMAL_CLEARING",
                Instant.parse("2026-06-01T14:03:22.700Z"), answeredAt, Instant.parse("2026-06-01T14:04:00Z"));
    }
}
