package org.alize.reporting.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;

/** Every fact of one basin the indicators are computed from, read from the fact collections ({@link Facts}). */
public record BasinFacts(String basinId, List<ProjectFact> projects, List<SessionFact> sessions, List<MeetingFact> meetings,
        List<ConventionFact> conventions, List<AdvanceFact> advances, List<MoneyFact> money) {

    /** The kinds of fact a basin's indicators read, each with the way its stored document is read. */
    private static final Map<String, Function<Document, Object>> READERS = Map.of(Facts.PROJECTS, ProjectFact::read,
            Facts.SESSIONS, SessionFact::read, Facts.MEETINGS, MeetingFact::read, Facts.CONVENTIONS, ConventionFact::read,
            Facts.ADVANCES, AdvanceFact::read, Facts.MONEY, MoneyFact::read);

    public static final List<String> KINDS = List.of(Facts.PROJECTS, Facts.SESSIONS, Facts.MEETINGS, Facts.CONVENTIONS,
            Facts.ADVANCES, Facts.MONEY);

    public BasinFacts {
        projects = List.copyOf(projects);
        sessions = List.copyOf(sessions);
        meetings = List.copyOf(meetings);
        conventions = List.copyOf(conventions);
        advances = List.copyOf(advances);
        money = List.copyOf(money);
    }

    /** One stored fact of {@code kind} (one of {@link #KINDS}) as the indicators read it. */
    public static Object read(String kind, Document stored) {
        Function<Document, Object> reader = READERS.get(kind);
        if (reader == null) {
            throw new IllegalArgumentException("no fact kind " + kind);
        }
        return reader.apply(stored);
    }

    /** A basin's facts from the facts already read, by kind. */
    public static BasinFacts of(String basin, Map<String, ? extends Collection<?>> byKind) {
        return new BasinFacts(basin, typed(byKind, Facts.PROJECTS, ProjectFact.class), typed(byKind, Facts.SESSIONS, SessionFact.class),
                typed(byKind, Facts.MEETINGS, MeetingFact.class), typed(byKind, Facts.CONVENTIONS, ConventionFact.class),
                typed(byKind, Facts.ADVANCES, AdvanceFact.class), typed(byKind, Facts.MONEY, MoneyFact.class));
    }

    /** A basin's facts from its stored documents, by kind. */
    public static BasinFacts readAll(String basin, Map<String, ? extends Collection<Document>> documents) {
        Map<String, List<Object>> read = new java.util.HashMap<>();
        documents.forEach((kind, stored) -> read.put(kind, stored.stream().map(d -> read(kind, d)).toList()));
        return of(basin, read);
    }

    private static <T> List<T> typed(Map<String, ? extends Collection<?>> byKind, String kind, Class<T> type) {
        Collection<?> facts = byKind.get(kind);
        return facts == null ? List.of() : facts.stream().map(type::cast).toList();
    }
}
