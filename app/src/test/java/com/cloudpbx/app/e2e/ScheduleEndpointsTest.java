package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class ScheduleEndpointsTest {

    private static final List<String> DAYS =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        globex = platform.tenant();
        Response voicemail = api.post("/api/extensions", Map.of("extension", "1001", "password", "schedule-pass-1",
                "displayName", "Front desk", "voicemailEnabled", true), acme.admin());
        assertThat(voicemail.status()).as(voicemail.text()).isEqualTo(201);
    }

    @Test
    void createAnswersTheScheduleAsTheSdkShowsIt() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Standard Business Hours");
        body.put("timezone", "America/Chicago");
        body.put("schedules", List.of(Map.of("day", "monday", "enabled", true, "startTime", "09:00",
                "endTime", "17:00"), Map.of("day", "friday", "startTime", "22:00", "endTime", "06:00")));
        body.put("holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas Day"),
                Map.of("date", "2027-01-01")));
        body.put("afterHoursAction", "voicemail");
        body.put("afterHoursTarget", "1001");

        Response created = api.post("/api/schedules", body, acme.admin());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("schedule.name")).isEqualTo("Standard Business Hours");
        assertThat(created.string("schedule.tenant_id")).isEqualTo(acme.id());
        assertThat(created.string("schedule.timezone")).isEqualTo("America/Chicago");
        assertThat(created.object("schedule.schedules.0")).containsExactlyInAnyOrderEntriesOf(Map.of("day", "monday",
                "enabled", true, "startTime", "09:00", "endTime", "17:00"));
        assertThat(created.object("schedule.schedules.1")).containsEntry("enabled", true)
                .containsEntry("startTime", "22:00").containsEntry("endTime", "06:00");
        assertThat(created.string("schedule.holidays.0.date")).isEqualTo("2026-12-25");
        assertThat(created.string("schedule.holidays.0.name")).isEqualTo("Christmas Day");
        assertThat(created.at("schedule.holidays.1.name")).isNull();
        assertThat(created.string("schedule.after_hours_action")).isEqualTo("voicemail");
        assertThat(created.string("schedule.after_hours_target")).isEqualTo("1001");
        assertThat(created.string("schedule.created_at")).isNotBlank();
        assertThat(created.string("schedule.updated_at")).isNotBlank();
    }

    @Test
    void theAfterHoursActionDefaultsToHangup() {
        Response created = create(acme, Map.of("name", unique(), "timezone", "Europe/London"));

        assertThat(created.string("schedule.after_hours_action")).isEqualTo("hangup");
        assertThat(created.at("schedule.after_hours_target")).isNull();
        assertThat(created.list("schedule.schedules")).isEmpty();
    }

    @Test
    void aScheduleGoesThroughReadUpdateAndDelete() {
        String id = create(acme, Map.of("name", unique(), "timezone", "Europe/London")).string("schedule.id");
        String renamed = unique();

        Response updated = api.put("/api/schedules/" + id, Map.of("name", renamed, "schedules",
                List.of(Map.of("day", "sunday", "startTime", "10:00", "endTime", "14:00")),
                "afterHoursAction", "external", "afterHoursTarget", "+44 20 7123 4567"), acme.admin());
        Response fetched = api.get("/api/schedules/" + id, acme.admin());
        Response listed = api.get("/api/schedules", acme.admin());
        Response deleted = api.delete("/api/schedules/" + id, acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Schedule updated");
        assertThat(fetched.string("schedule.name")).isEqualTo(renamed);
        assertThat(fetched.string("schedule.timezone")).isEqualTo("Europe/London");
        assertThat(fetched.string("schedule.schedules.0.day")).isEqualTo("sunday");
        assertThat(fetched.string("schedule.after_hours_target")).isEqualTo("+442071234567");
        assertThat(listed.list("schedules")).extracting(s -> s.get("id")).contains(id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.string("message")).isEqualTo("Schedule deleted");
        assertThat(api.get("/api/schedules/" + id, acme.admin()).status()).isEqualTo(404);
    }

    @Test
    void aPartialUpdateKeepsTheListsItLeavesOut() {
        String id = create(acme, Map.of("name", unique(), "timezone", "Australia/Sydney",
                "holidays", List.of(Map.of("date", "2026-01-26", "name", "Australia Day")))).string("schedule.id");

        api.put("/api/schedules/" + id, Map.of("timezone", "Australia/Perth"), acme.admin());
        Response fetched = api.get("/api/schedules/" + id, acme.admin());

        assertThat(fetched.string("schedule.timezone")).isEqualTo("Australia/Perth");
        assertThat(fetched.string("schedule.holidays.0.name")).isEqualTo("Australia Day");
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = unique();
        create(acme, Map.of("name", name, "timezone", "UTC"));

        Response duplicate = api.post("/api/schedules", Map.of("name", name, "timezone", "UTC"), acme.admin());
        Response otherTenant = api.post("/api/schedules", Map.of("name", name, "timezone", "UTC"), globex.admin());

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains(name);
        assertThat(otherTenant.status()).isEqualTo(201);
    }

    @Test
    void anUnknownZoneAndABareOffsetAreRefused() {
        for (String zone : List.of("Mars/Olympus", "+02:00", "GMT+2", "UTC+01:00", "")) {
            Response refused = api.post("/api/schedules", Map.of("name", unique(), "timezone", zone), acme.admin());

            assertThat(refused.status()).as(zone).isEqualTo(400);
            assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.string("details.0.field")).isEqualTo("timezone");
        }
    }

    @Test
    void aBadRangeNamesTheItemField() {
        Response badDay = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC", "schedules",
                List.of(Map.of("day", "monday", "startTime", "09:00", "endTime", "17:00"),
                        Map.of("day", "funday", "startTime", "09:00", "endTime", "17:00"))), acme.admin());
        Response badTime = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC", "schedules",
                List.of(Map.of("day", "monday", "startTime", "9am", "endTime", "17:00"))), acme.admin());
        Response badDate = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC", "holidays",
                List.of(Map.of("date", "25/12/2026"))), acme.admin());

        assertThat(badDay.string("details.0.field")).isEqualTo("schedules[1].day");
        assertThat(badTime.string("details.0.field")).isEqualTo("schedules[0].startTime");
        assertThat(badDate.string("details.0.field")).isEqualTo("holidays[0].date");
    }

    @Test
    void anUnknownAfterHoursActionAndAMissingTargetAreRefused() {
        Response badAction = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC",
                "afterHoursAction", "whatsapp", "afterHoursTarget", "x"), acme.admin());
        Response noTarget = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC",
                "afterHoursAction", "extension"), acme.admin());

        assertThat(badAction.string("details.0.field")).isEqualTo("afterHoursAction");
        assertThat(noTarget.string("details.0.field")).isEqualTo("afterHoursTarget");
    }

    @Test
    void renamingToATakenNameIsRefused() {
        String taken = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.name");
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.id");

        Response refused = api.put("/api/schedules/" + id, Map.of("name", taken), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("DUPLICATE");
    }

    @Test
    void switchingToHangupDropsTheAfterHoursTarget() {
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC", "afterHoursAction", "extension",
                "afterHoursTarget", "1001")).string("schedule.id");

        Response updated = api.put("/api/schedules/" + id, Map.of("afterHoursAction", "hangup"), acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("schedule.after_hours_action")).isEqualTo("hangup");
        assertThat(updated.at("schedule.after_hours_target")).isNull();
    }

    @Test
    void anUpdateWithListItemsOfTheWrongTypeNamesTheItemField() {
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.id");

        Response notAList = api.put("/api/schedules/" + id, Map.of("schedules", "weekdays"), acme.admin());
        Response badEnabled = api.put("/api/schedules/" + id, Map.of("schedules", List.of(Map.of("day", "monday",
                "enabled", "yes", "startTime", "09:00", "endTime", "17:00"))), acme.admin());

        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.string("details.0.field")).isEqualTo("schedules");
        assertThat(badEnabled.status()).isEqualTo(400);
        assertThat(badEnabled.string("details.0.field")).isEqualTo("schedules[0].enabled");
    }

    @Test
    void aHolidayListedTwiceIsRefused() {
        Response refused = api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC", "holidays",
                List.of(Map.of("date", "2026-12-25"), Map.of("date", "2026-12-25", "name", "Again"))), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("holidays[1].date");
    }

    @Test
    void aTooLongNameIsRefused() {
        Response refused = api.post("/api/schedules", Map.of("name", "x".repeat(101), "timezone", "UTC"),
                acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("name");
    }

    @Test
    void aScheduleOpenAroundTheClockReportsOpenWithTheZonesTime() {
        String id = create(acme, Map.of("name", unique(), "timezone", "America/New_York", "schedules",
                DAYS.stream().map(day -> Map.of("day", day, "startTime", "00:00", "endTime", "00:00")).toList()))
                .string("schedule.id");

        Response status = api.get("/api/schedules/" + id + "/status", acme.admin());

        assertThat(status.status()).as(status.text()).isEqualTo(200);
        assertThat(status.at("isOpen")).isEqualTo(true);
        assertThat(status.string("timezone")).isEqualTo("America/New_York");
        assertThat(status.string("currentTime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
        OffsetDateTime reported = OffsetDateTime.parse(status.string("currentTime"));
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("America/New_York"));
        assertThat(reported.getOffset()).isEqualTo(now.getOffset());
        assertThat(ChronoUnit.SECONDS.between(reported, now)).isBetween(-5L, 60L);
    }

    @Test
    void aScheduleWithNoHoursReportsClosedUnderItsName() {
        String name = unique();
        String id = create(acme, Map.of("name", name, "timezone", "Europe/London", "schedules",
                DAYS.stream().map(day -> Map.of("day", day, "enabled", false, "startTime", "00:00",
                        "endTime", "00:00")).toList())).string("schedule.id");

        Response status = api.get("/api/schedules/" + id + "/status", acme.admin());

        assertThat(status.at("isOpen")).isEqualTo(false);
        assertThat(status.string("schedule")).isEqualTo(name);
        assertThat(status.string("currentTime")).endsWith(
                ZonedDateTime.now(ZoneId.of("Europe/London")).getOffset().getTotalSeconds() == 0 ? "+00:00" : "+01:00");
    }

    @Test
    void aScheduleThatDidsFollowCannotBeDeleted() {
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.id");
        String number = "+1555" + ThreadLocalRandom.current().nextInt(2_000_000, 9_999_999);
        Response did = api.post("/api/dids", Map.of("number", number, "inboundRoute", "extension",
                "routeTarget", "1001", "scheduleId", id), acme.admin());
        assertThat(did.status()).as(did.text()).isEqualTo(201);

        Response refused = api.delete("/api/schedules/" + id, acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("IN_USE");
        assertThat(refused.string("error")).contains(number);
        assertThat(api.get("/api/schedules/" + id, acme.admin()).status()).isEqualTo(200);
        api.delete("/api/dids/" + did.string("did.id"), acme.admin());
        assertThat(api.delete("/api/schedules/" + id, acme.admin()).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsScheduleIsNotFound() {
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.id");

        assertThat(api.get("/api/schedules/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/schedules/" + id + "/status", globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/schedules/" + id, Map.of("name", unique()), globex.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/schedules/" + id, globex.admin()).status()).isEqualTo(404);
    }

    @Test
    void aReadonlyKeyMayReadButNotWrite() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);
        String id = create(acme, Map.of("name", unique(), "timezone", "UTC")).string("schedule.id");

        assertThat(api.get("/api/schedules", readonly).status()).isEqualTo(200);
        assertThat(api.get("/api/schedules/" + id + "/status", readonly).status()).isEqualTo(200);
        assertThat(api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC"), readonly).status())
                .isEqualTo(403);
        assertThat(api.put("/api/schedules/" + id, Map.of("name", unique()), readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/schedules/" + id, readonly).status()).isEqualTo(403);
    }

    @Test
    void anExtensionUserIsForbidden() {
        platform.extension(acme, "1003", "user-password-3");
        Credential user = platform.extensionUser(acme, "1003", "user-password-3");

        assertThat(api.get("/api/schedules", user).status()).isEqualTo(403);
        assertThat(api.post("/api/schedules", Map.of("name", unique(), "timezone", "UTC"), user).status())
                .isEqualTo(403);
    }

    @Test
    void aSuperadminCreatesInTheNamedTenantAndListsEveryTenant() {
        Map<String, Object> body = Map.of("name", unique(), "timezone", "UTC");

        Response noTenant = api.post("/api/schedules", body, platform.superadmin());
        Response created = api.post("/api/schedules", body, platform.superadmin().inTenant(globex.id()));
        Response everything = api.get("/api/schedules", platform.superadmin());

        assertThat(noTenant.string("code")).isEqualTo("TENANT_REQUIRED");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("schedule.tenant_id")).isEqualTo(globex.id());
        Map<String, Object> listed = everything.list("schedules").stream()
                .filter(s -> s.get("id").equals(created.string("schedule.id"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) listed.get("tenants")).get("id")).isEqualTo(globex.id());
    }

    private Response create(TenantFixture tenant, Map<String, Object> body) {
        Response created = api.post("/api/schedules", body, tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static String unique() {
        return "Hours " + UUID.randomUUID();
    }
}
