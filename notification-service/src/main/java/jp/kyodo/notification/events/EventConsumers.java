package jp.kyodo.notification.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.notification.service.DomainNotices;
import jp.kyodo.notification.service.TaskFacts;
import jp.kyodo.platform.inbox.Inbox;
import jp.kyodo.platform.inbox.Ordering;

/** The topics this service reads, each through the inbox (once per event, dead letters for what cannot be read). */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Inbox inbox;

    @Inject
    TaskFacts tasks;

    @Inject
    DomainNotices notices;

    /**
     * Task facts, applied a few at a time rather than one after another: each needs its own commit, and in a burst (a
     * call's closing day) one at a time fell behind the facts arriving, so one slow commit held up every task behind
     * it. The two facts of one task may then come in either order; {@link TaskFacts} puts them right.
     */
    @Incoming("task-events")
    @io.smallrye.reactive.messaging.annotations.Blocking(value = "task-facts", ordered = false)
    public void tasks(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, tasks::apply);
    }

    /** Directory snapshots: who acts for which organisation; a verification is also told to the members. */
    @Incoming("directory-events")
    @Blocking
    public void directory(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.NEWER_VERSIONS_ONLY, notices::directory);
    }

    @Incoming("proposal-events")
    @Blocking
    public void proposals(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, notices::proposal);
    }

    @Incoming("agreement-events")
    @Blocking
    public void agreements(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, notices::agreement);
    }

    @Incoming("evaluation-events")
    @Blocking
    public void evaluations(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, notices::evaluation);
    }
}
