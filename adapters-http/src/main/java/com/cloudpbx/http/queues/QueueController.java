package com.cloudpbx.http.queues;

import com.cloudpbx.core.routing.AgentAction;
import com.cloudpbx.core.routing.CallQueueChanges;
import com.cloudpbx.core.routing.CallQueueDraft;
import com.cloudpbx.core.routing.CallQueueDraft.AgentDraft;
import com.cloudpbx.core.routing.CallQueues;
import com.cloudpbx.core.routing.QueueAgents;
import com.cloudpbx.core.routing.QueueStatistics;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.queues.QueueJson.AgentView;
import com.cloudpbx.http.queues.QueueJson.MessageWithAgent;
import com.cloudpbx.http.queues.QueueJson.MessageWithQueue;
import com.cloudpbx.http.queues.QueueJson.QueueBody;
import com.cloudpbx.http.queues.QueueJson.QueueList;
import com.cloudpbx.http.queues.QueueJson.QueueRequest;
import com.cloudpbx.http.queues.QueueJson.QueueView;
import com.cloudpbx.http.queues.QueueJson.StatsBody;
import com.cloudpbx.http.queues.QueueJson.StatsView;
import com.cloudpbx.http.shared.BodyFields;
import com.cloudpbx.http.shared.Message;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Call queues of the acting tenant, their agents' states and their figures now. */
@Controller("/api/queues")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Queues")
public class QueueController {

    private static final Map<AgentAction, String> DONE = Map.of(AgentAction.LOGIN, "logged in",
            AgentAction.LOGOUT, "logged out", AgentAction.PAUSE, "paused", AgentAction.UNPAUSE, "unpaused");

    private final CallQueues queues;
    private final QueueAgents agents;
    private final QueueStatistics statistics;

    public QueueController(CallQueues queues, QueueAgents agents, QueueStatistics statistics) {
        this.queues = queues;
        this.agents = agents;
        this.statistics = statistics;
    }

    @Get
    public QueueList list(@Parameter(hidden = true) Actor actor) {
        var listing = queues.list(actor);
        return new QueueList(listing.items().stream()
                .map(q -> QueueView.of(q, listing.spansTenants() ? listing.tenants().get(q.tenant()) : null))
                .toList());
    }

    @Get("/{id}")
    public QueueBody get(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new QueueBody(QueueView.of(queues.get(actor, id), null));
    }

    @Post
    public HttpResponse<QueueBody> create(@Parameter(hidden = true) Actor actor,
                                          @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                  schema = @Schema(implementation = QueueRequest.class)))
                                          JsonNode body) {
        BodyFields fields = BodyFields.of(body);
        var draft = new CallQueueDraft(fields.text("name").value(), fields.text("strategy").value(),
                fields.integer("maxWaitSeconds").value(), fields.text("moh").value(),
                fields.text("timeoutAction").value(), fields.text("timeoutTarget").value(),
                agentDrafts(fields.objects("agents")).value());
        return HttpResponse.status(HttpStatus.CREATED).body(new QueueBody(QueueView.of(queues.create(actor, draft), null)));
    }

    /** A partial update; agents, when sent, replace the list, and an agent that stays keeps its status. */
    @Put("/{id}")
    public MessageWithQueue update(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                   @Body @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                           schema = @Schema(implementation = QueueRequest.class)))
                                   JsonNode body) {
        BodyFields fields = BodyFields.of(body);
        var changes = new CallQueueChanges(fields.text("name"), fields.text("strategy"),
                fields.integer("maxWaitSeconds"), fields.text("moh"), fields.text("timeoutAction"),
                fields.text("timeoutTarget"), agentDrafts(fields.objects("agents")));
        return new MessageWithQueue("Queue updated", QueueView.of(queues.update(actor, id, changes), null));
    }

    /** Refused (400 IN_USE) while an IVR menu or another queue still sends calls to it. */
    @Delete("/{id}")
    public Message delete(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        queues.delete(actor, id);
        return new Message("Queue deleted");
    }

    /**
     * {@code login}, {@code logout}, {@code pause} or {@code unpause}: admins for any agent of the
     * queue, an extension user for its own extension only.
     */
    @Post("/{id}/agents/{extension}/{action}")
    public MessageWithAgent agent(@Parameter(hidden = true) Actor actor, @PathVariable UUID id,
                                  @PathVariable String extension, @PathVariable String action) {
        AgentAction wanted = AgentAction.byWireName(action).orElseThrow(() -> DomainException.notFound("Route"));
        var change = agents.act(actor, id, extension, wanted);
        return new MessageWithAgent("Agent " + change.agent().extension() + " " + DONE.get(wanted),
                AgentView.of(change.agent()));
    }

    @Get("/{id}/stats")
    public StatsBody stats(@Parameter(hidden = true) Actor actor, @PathVariable UUID id) {
        return new StatsBody(StatsView.of(statistics.stats(actor, id)));
    }

    private static Change<List<AgentDraft>> agentDrafts(Change<List<BodyFields>> sent) {
        return sent.map(items -> items.stream().map(item -> new AgentDraft(item.text("extension").value(),
                item.integer("tierLevel").value(), item.integer("tierPosition").value())).toList());
    }
}
