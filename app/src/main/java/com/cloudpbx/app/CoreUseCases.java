package com.cloudpbx.app;

import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.ReadAuditLog;
import com.cloudpbx.core.blocklist.BlocklistManagement;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.CallHistoryQueries;
import com.cloudpbx.core.calls.CompleteAttendedTransfers;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.LiveCalls;
import com.cloudpbx.core.calls.TrackCalls;
import com.cloudpbx.core.identity.ApiKeyManagement;
import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.identity.BootstrapSuperadmin;
import com.cloudpbx.core.identity.DescribeMe;
import com.cloudpbx.core.identity.IssueTurnCredentials;
import com.cloudpbx.core.identity.Login;
import com.cloudpbx.core.operations.CheckHealth;
import com.cloudpbx.core.presence.ReadPresence;
import com.cloudpbx.core.provisioning.ExtensionProvisioning;
import com.cloudpbx.core.provisioning.TenantProvisioning;
import com.cloudpbx.core.reports.Reports;
import com.cloudpbx.core.routing.CallQueues;
import com.cloudpbx.core.routing.DidProvisioning;
import com.cloudpbx.core.routing.DirectoryLookup;
import com.cloudpbx.core.routing.GatewayConfiguration;
import com.cloudpbx.core.routing.IvrMenus;
import com.cloudpbx.core.routing.PagingGroups;
import com.cloudpbx.core.routing.QueueAgents;
import com.cloudpbx.core.routing.QueueStatistics;
import com.cloudpbx.core.routing.RingGroups;
import com.cloudpbx.core.routing.RouteCall;
import com.cloudpbx.core.routing.RouteTargets;
import com.cloudpbx.core.routing.RoutingPlans;
import com.cloudpbx.core.routing.RoutingReferences;
import com.cloudpbx.core.routing.ScheduleProvisioning;
import com.cloudpbx.core.routing.SwitchConfiguration;
import com.cloudpbx.core.routing.TrunkManagement;
import io.micronaut.context.annotation.Import;

/**
 * Core's use cases that need no decision: each is built from its one public constructor, with the
 * ports and other use cases it names, so a new constructor parameter is a change to core alone.
 * <p>
 * Imported classes carry no scope (core knows no framework), so each injection point gets its own
 * instance: only use cases that keep no state between calls belong here. One that holds state
 * (a cache, a batch, a schedule) or needs a setting is made by a {@code @Singleton} method in
 * {@link CoreWiring}, {@link CallsWiring} or {@link ThreeWayWiring} instead.
 */
@Import(classes = {
        AuditRecorder.class, ReadAuditLog.class, CheckHealth.class,
        AuthenticateApiKey.class, ApiKeyManagement.class, Login.class, DescribeMe.class,
        IssueTurnCredentials.class, BootstrapSuperadmin.class,
        TenantProvisioning.class, ExtensionProvisioning.class, DirectoryLookup.class, RouteCall.class,
        ConferenceRooms.class, CallAccess.class, Destinations.class, CallControl.class, LiveCalls.class,
        Conferences.class, CallHistoryQueries.class, TrackCalls.class, CompleteAttendedTransfers.class,
        DidProvisioning.class,
        ScheduleProvisioning.class,
        RoutingPlans.Stores.class, RouteTargets.class, RoutingReferences.class,
        CallScreening.class,
        BlocklistManagement.class,
        TrunkManagement.class, SwitchConfiguration.class,
        GatewayConfiguration.class,
        IvrMenus.class,
        CallQueues.class,
        QueueAgents.class,
        QueueStatistics.class,
        ReadPresence.class,
        RingGroups.class,
        PagingGroups.class,
        Reports.class})
final class CoreUseCases {

    private CoreUseCases() {
    }
}
