package org.alize.messaging.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * Base class of an aggregate stored as one MongoDB document that carries the events it caused in an
 * embedded {@code outbox} list. A command changes the aggregate and {@link #raise raises} events;
 * saving it (through a repository or {@code MongoTemplate}) writes state and events in one atomic,
 * {@code @Version}-guarded update; the relay then publishes the events in order and removes them.
 *
 * <p>The aggregate must have its id before it raises an event (the id is the events' subject). A
 * failed save (optimistic-lock conflict) publishes nothing: reload and retry the command.
 */
public abstract class AggregateRoot {

    @Version
    private Long version;

    /** How many events this aggregate has raised in its life: the {@code ce_sequence} of the last one. */
    private long eventSequence;

    private List<OutboxEntry> outbox = new ArrayList<>();

    /**
     * The last {@link #APPLIED_COMMANDS_KEPT} idempotent commands that changed this aggregate, written with it in
     * the same atomic update: a command resumed after a crash sees here that its cut run had already landed.
     */
    private List<String> appliedCommands = new ArrayList<>();

    static final int APPLIED_COMMANDS_KEPT = 16;

    /** Set when the first pending event could not be published for good: the outbox waits for an administrator. */
    private String outboxParkedOn;

    @Transient
    private final transient List<Raised> raised = new ArrayList<>();

    /**
     * The basin this aggregate belongs to, as a value: given by its factory when it is created, and by the platform
     * when it is read from the basin's database. The domain never reads the request's thread-local.
     */
    @Transient
    private transient BasinId basin;

    /** An event and, for a network-level aggregate that speaks to several basins, the basin it belongs to. */
    record Raised(Object event, BasinId basin) {
    }

    /** Records that this aggregate caused {@code event}; it is published once the aggregate is saved. */
    protected final void raise(Object event) {
        raise(event, null);
    }

    /**
     * Records an event that belongs to {@code basin} rather than to {@link #eventBasin()}: a network-level
     * aggregate (a network meeting) tells each basin concerned on that basin's stream.
     */
    protected final void raise(Object event, BasinId basin) {
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
        raised.add(new Raised(event, basin));
    }

    /** The basin the events belong to: the aggregate's own; a network-level aggregate names its own way. */
    protected BasinId eventBasin() {
        return basin != null ? basin : BasinContext.require();
    }

    /** The basin this aggregate belongs to. */
    protected final BasinId basin() {
        if (basin == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no basin: create it with its basin, or read it "
                    + "from a basin's database");
        }
        return basin;
    }

    /** For a factory: the new aggregate belongs to {@code basin}. */
    protected final void belongsTo(BasinId basin) {
        if (basin == null) {
            throw new IllegalArgumentException("basin is required");
        }
        this.basin = basin;
    }

    /** For the platform: the aggregate was read from {@code basin}'s database. */
    final void readFrom(BasinId basin) {
        this.basin = basin;
    }

    /** The events raised since the last save, not yet in the outbox. */
    public final List<Object> raisedEvents() {
        return raised.stream().map(Raised::event).toList();
    }

    /** Events written with the aggregate and not yet published. */
    public final List<OutboxEntry> pendingOutbox() {
        return outbox == null ? List.of() : Collections.unmodifiableList(outbox);
    }

    /** The event the outbox is halted at, or {@code null} while it flows. */
    public final String outboxParkedOn() {
        return outboxParkedOn;
    }

    public final Long version() {
        return version;
    }

    public final long eventSequence() {
        return eventSequence;
    }

    long nextSequence() {
        return ++eventSequence;
    }

    List<Raised> drainRaised() {
        List<Raised> drained = new ArrayList<>(raised);
        raised.clear();
        return drained;
    }

    boolean hasApplied(String commandKey) {
        return appliedCommands != null && appliedCommands.contains(commandKey);
    }

    void recordApplied(String commandKey) {
        if (appliedCommands == null) {
            appliedCommands = new ArrayList<>();
        }
        if (!appliedCommands.contains(commandKey)) {
            appliedCommands.add(commandKey);
        }
        while (appliedCommands.size() > APPLIED_COMMANDS_KEPT) {
            appliedCommands.remove(0);
        }
    }

    List<OutboxEntry> mutableOutbox() {
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        return outbox;
    }
}
