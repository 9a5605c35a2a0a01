package jp.kyodo.platform.inbox;

import jp.kyodo.platform.events.IncomingEvent;

/** The effect of one event on a consumer's state; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event) throws Exception;
}
