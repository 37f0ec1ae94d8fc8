package org.conclave.audit.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conclave.audit.control.AuditLog;
import org.conclave.audit.entity.EventFilter;
import org.conclave.identity.control.Access;
import org.conclave.identity.entity.Caller;
import org.conclave.identity.entity.Role;
import org.conclave.platform.boundary.PageMessages;

/**
 * The audit timeline for auditors: events newest first, filtered by actor, action, target, outcome and period (the
 * filters travel in the form, not in the address), paged by event id; the chain-status badge and running a new
 * verification.
 */
@Named
@ViewScoped
public class AuditTimeline implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 25;

    /** One event as the timeline shows it. */
    public record Event(
            long id,
            String seq,
            String occurredAt,
            String source,
            String actor,
            String action,
            String target,
            String outcome,
            String reason,
            String hash)
            implements Serializable {
        public boolean refused() {
            return "refused".equals(outcome);
        }
    }

    @Inject
    Access access;

    @Inject
    AuditLog log;

    @Inject
    ChainStatus chain;

    private String actor;
    private String action;
    private String targetId;
    private String outcome;
    private String from;
    private String to;
    private List<Event> events = new ArrayList<>();
    private boolean more;

    public void load() {
        search();
    }

    public void search() {
        events = new ArrayList<>();
        page(Optional.empty());
    }

    public void older() {
        page(
                events.isEmpty()
                        ? Optional.empty()
                        : Optional.of(events.get(events.size() - 1).id()));
    }

    public void clear() {
        actor = null;
        action = null;
        targetId = null;
        outcome = null;
        from = null;
        to = null;
        search();
    }

    private void page(Optional<Long> before) {
        access.require("audit.read", Role.AUDITOR);
        Optional<Instant> start = day("audit.filter.from", from, 0);
        Optional<Instant> end = day("audit.filter.to", to, 1);
        EventFilter filter = new EventFilter(
                text(actor), text(action), Optional.empty(), text(targetId), text(outcome), start, end, before, PAGE);
        List<Map<String, Object>> found = log.events(filter, Optional.empty());
        found.forEach(e -> events.add(event(e)));
        more = found.size() == PAGE;
    }

    public void verify() {
        Caller auditor = access.require("audit.verify", Role.AUDITOR);
        ChainStatus.Checked checked = chain.verify(auditor);
        if (checked.result().valid()) {
            PageMessages.info("audit.chain.intactMessage", checked.result().verifiedThrough());
        } else {
            PageMessages.warn(
                    "audit.chain.brokenMessage",
                    checked.result().firstInvalidSequence().map(String::valueOf).orElse("?"),
                    checked.result().reason());
        }
    }

    /** {@code unknown}, {@code intact} or {@code broken}: the badge. */
    public String getChainState() {
        return chain.last().map(c -> c.result().valid() ? "intact" : "broken").orElse("unknown");
    }

    public String getChainCheckedAt() {
        return chain.last().map(c -> c.at().toString()).orElse("");
    }

    public String getChainCheckedBy() {
        return chain.last().map(ChainStatus.Checked::by).orElse("");
    }

    public long getChainEvents() {
        return chain.last().map(c -> c.result().events()).orElse(0L);
    }

    public long getChainAnchoredThrough() {
        return chain.last().map(c -> c.result().anchoredThrough()).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private static Event event(Map<String, Object> e) {
        Map<String, Object> actor = e.get("actor") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        Map<String, Object> target = e.get("target") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
        String who = e.get("actorUsername") != null
                ? e.get("actorUsername").toString()
                : actor.get("subject") == null ? "—" : actor.get("subject").toString();
        String targetText = target.get("type") == null
                ? ""
                : target.get("type") + (target.get("id") == null ? "" : " " + target.get("id"));
        Object hash = e.get("hash");
        return new Event(
                ((Number) e.get("id")).longValue(),
                e.get("seq") == null ? "" : e.get("seq").toString(),
                String.valueOf(e.get("occurredAt")),
                String.valueOf(e.get("source")),
                who,
                String.valueOf(e.get("action")),
                targetText,
                String.valueOf(e.get("outcome")),
                e.get("reason") == null ? "" : e.get("reason").toString(),
                hash == null
                        ? ""
                        : hash.toString()
                                .substring(0, Math.min(12, hash.toString().length())));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Instant> day(String field, String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneId.systemDefault())
                    .toInstant());
        } catch (DateTimeParseException e) {
            PageMessages.warn("audit.problem.date", PageMessages.text(field));
            return Optional.empty();
        }
    }

    public List<Event> getEvents() {
        return events;
    }

    public boolean isMore() {
        return more;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
