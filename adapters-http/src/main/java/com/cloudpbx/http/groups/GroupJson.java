package com.cloudpbx.http.groups;

import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Ring and paging group bodies: requests in camelCase, rows in snake_case as the SDK shows them. */
public final class GroupJson {

    private GroupJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RingGroupView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            String strategy,
            @JsonProperty("ring_timeout") int ringTimeout,
            @JsonProperty("no_answer_action") String noAnswerAction,
            @JsonProperty("no_answer_target") @Nullable String noAnswerTarget,
            List<RingMemberView> members,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {
    }

    @Serdeable
    public record RingMemberView(String extension, int priority, @JsonProperty("delay_seconds") int delaySeconds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PagingGroupView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            @Nullable String description,
            @JsonProperty("extension_code") String extensionCode,
            List<PagingMemberView> members,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {
    }

    @Serdeable
    public record PagingMemberView(String extension) {
    }

    /** Documents the body; the controller reads it field by field. */
    @Serdeable
    public record RingGroupRequest(@Nullable String name, @Nullable String strategy, @Nullable Integer ringTimeout,
                                   @Nullable String noAnswerAction, @Nullable String noAnswerTarget,
                                   @Nullable List<RingMemberRequest> members) {
    }

    @Serdeable
    public record RingMemberRequest(@Nullable String extension, @Nullable Integer priority,
                                    @Nullable Integer delaySeconds) {
    }

    /** Documents the body; the controller reads it field by field. */
    @Serdeable
    public record PagingGroupRequest(@Nullable String name, @Nullable String description,
                                     @Nullable String extensionCode, @Nullable List<PagingMemberView> members) {
    }

    @Serdeable
    public record BroadcastRequest(@Nullable String callerExtension) {
    }

    @Serdeable
    public record BroadcastResult(String extension, String status) {
    }

    @Serdeable
    public record BroadcastBody(String jobId, String groupName, String conferenceName, int membersContacted,
                                int membersOnline, int membersTotal, List<BroadcastResult> results) {
    }

    @Serdeable
    public record RingGroupList(List<RingGroupView> ringGroups) {
    }

    @Serdeable
    public record RingGroupBody(RingGroupView ringGroup) {
    }

    @Serdeable
    public record MessageWithRingGroup(String message, RingGroupView ringGroup) {
    }

    @Serdeable
    public record PagingGroupList(List<PagingGroupView> pagingGroups) {
    }

    @Serdeable
    public record PagingGroupBody(PagingGroupView pagingGroup) {
    }

    @Serdeable
    public record MessageWithPagingGroup(String message, PagingGroupView pagingGroup) {
    }
}
