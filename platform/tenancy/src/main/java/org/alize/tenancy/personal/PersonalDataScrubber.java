package org.alize.tenancy.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Removes a person from every document of one database where they appear however a service copied them: a name in a
 * composition, an attendance list or a history line, an address in a recorded answer. Every document is read once
 * (an erasure is rare, and completeness is its point: a copy nobody listed is still found), and a document that
 * mentions the person is rewritten:
 * <ul>
 * <li>a value that is the person's name (« Prénom Nom » or « Nom Prénom ») becomes {@value PersonalData#ERASED_NAME},
 * and the name within a longer text too;</li>
 * <li>a value that is their address or phone number becomes null, and within a text a mark;</li>
 * <li>a text holding both their first and last names (a recorded JSON answer) loses both, and a part of a document
 * whose values are exactly their first and last names gets « Personne » and « effacée ».</li>
 * </ul>
 * A document with a {@code version} (optimistic locking) is rewritten only at the version read and its version moves
 * on, so a command that read it before cannot write the person back; a rewrite that meets a newer version reads again.
 */
public class PersonalDataScrubber {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataScrubber.class);
    private static final int MIN_TERM = 5;
    private static final int ATTEMPTS = 5;

    /** Whom to remove, as the service that asks last knew them. */
    public record Subject(String firstName, String lastName, String email, String phone) {
    }

    /** What a scrub changed: documents rewritten per collection, and how many documents it read. */
    public record Report(Map<String, Integer> rewritten, long read) {
        public int total() {
            return rewritten.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private record Rule(Pattern pattern, String wholeValue, String inText) {
    }

    /**
     * Scrubs {@code database}; {@code keep} names the documents (collection, id) left to their owner, typically the
     * person's own record, which its domain anonymises last so that a scrub cut by a crash can run again.
     */
    public Report scrub(MongoDatabase database, Subject subject, BiPredicate<String, Object> keep) {
        List<Rule> rules = rules(subject);
        Pattern first = word(subject.firstName());
        Pattern last = word(subject.lastName());
        if (rules.isEmpty() && (first == null || last == null)) {
            return new Report(Map.of(), 0);
        }
        Map<String, Integer> rewritten = new TreeMap<>();
        long read = 0;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            MongoCollection<Document> collection = database.getCollection(name);
            for (Document document : collection.find().batchSize(500)) {
                read++;
                if (keep.test(name, document.get("_id"))) {
                    continue;
                }
                Document scrubbed = scrubDocument(document, rules, first, last, subject);
                if (scrubbed != null && rewrite(collection, document, scrubbed, rules, first, last, subject)) {
                    rewritten.merge(name, 1, Integer::sum);
                }
            }
        }
        Report report = new Report(rewritten, read);
        log.info("erasure scrub of {}: {} documents read, {} rewritten {}", database.getName(), read, report.total(), rewritten);
        return report;
    }

    private boolean rewrite(MongoCollection<Document> collection, Document read, Document scrubbed, List<Rule> rules,
            Pattern first, Pattern last, Subject subject) {
        Document current = read;
        Document replacement = scrubbed;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Object version = current.get("version");
            Bson filter = eq("_id", current.get("_id"));
            if (version instanceof Number number) {
                filter = and(filter, eq("version", version));
                replacement.put("version", version instanceof Integer ? number.intValue() + 1 : number.longValue() + 1);
            }
            if (collection.replaceOne(filter, replacement).getMatchedCount() == 1) {
                return true;
            }
            current = collection.find(eq("_id", read.get("_id"))).first();
            if (current == null) {
                return false;
            }
            replacement = scrubDocument(current, rules, first, last, subject);
            if (replacement == null) {
                return false;
            }
        }
        // answered 409 by the services (send the erasure again): it re-runs from the start
        throw new org.springframework.dao.OptimisticLockingFailureException("document " + read.get("_id") + " of "
                + collection.getNamespace() + " kept changing during the erasure");
    }

    /** A scrubbed copy of {@code document}, or null if the person does not appear in it. */
    static Document scrubDocument(Document document, List<Rule> rules, Pattern first, Pattern last, Subject subject) {
        boolean[] changed = {false};
        Document copy = (Document) scrubValue(document, rules, first, last, subject, changed, true);
        return changed[0] ? copy : null;
    }

    private static Object scrubValue(Object value, List<Rule> rules, Pattern first, Pattern last, Subject subject,
            boolean[] changed, boolean top) {
        if (value instanceof String text) {
            String scrubbed = scrubText(text, rules, first, last);
            if (!java.util.Objects.equals(scrubbed, text)) {
                changed[0] = true;
            }
            return scrubbed;
        }
        if (value instanceof Document document) {
            Document copy = new Document();
            boolean namesApart = holdsNamesApart(document, subject);
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (top && entry.getKey().equals("_id")) {
                    copy.put(entry.getKey(), entry.getValue());
                    continue;
                }
                Object field = entry.getValue();
                if (namesApart && field instanceof String text) {
                    if (text.equalsIgnoreCase(subject.firstName().strip())) {
                        copy.put(entry.getKey(), "Personne");
                        changed[0] = true;
                        continue;
                    }
                    if (text.equalsIgnoreCase(subject.lastName().strip())) {
                        copy.put(entry.getKey(), "effacée");
                        changed[0] = true;
                        continue;
                    }
                }
                copy.put(entry.getKey(), scrubValue(field, rules, first, last, subject, changed, false));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(scrubValue(item, rules, first, last, subject, changed, false)));
            return copy;
        }
        return value;
    }

    private static boolean holdsNamesApart(Document document, Subject subject) {
        if (blank(subject.firstName()) || blank(subject.lastName())) {
            return false;
        }
        boolean hasFirst = false;
        boolean hasLast = false;
        for (Object field : document.values()) {
            if (field instanceof String text) {
                hasFirst |= text.equalsIgnoreCase(subject.firstName().strip());
                hasLast |= text.equalsIgnoreCase(subject.lastName().strip());
            }
        }
        return hasFirst && hasLast;
    }

    static String scrubText(String text, List<Rule> rules, Pattern first, Pattern last) {
        String result = text;
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(result);
            if (!matcher.find()) {
                continue;
            }
            if (matcher.start() == 0 && matcher.end() == result.length()) {
                return rule.wholeValue();
            }
            result = matcher.replaceAll(Matcher.quoteReplacement(rule.inText()));
        }
        if (first != null && last != null && first.matcher(result).find() && last.matcher(result).find()) {
            result = last.matcher(first.matcher(result).replaceAll("[effacé]")).replaceAll("[effacé]");
        }
        return result;
    }

    static List<Rule> rules(Subject subject) {
        List<Rule> rules = new ArrayList<>();
        if (!blank(subject.firstName()) && !blank(subject.lastName())) {
            String first = subject.firstName().strip();
            String last = subject.lastName().strip();
            for (String name : List.of(first + " " + last, last + " " + first)) {
                rules.add(new Rule(Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(name).replace(" ", "\\E\\s+\\Q")
                        + "(?![\\p{L}\\p{N}])"), PersonalData.ERASED_NAME, PersonalData.ERASED_NAME));
            }
        }
        if (!blank(subject.email()) && subject.email().strip().length() >= MIN_TERM) {
            rules.add(new Rule(Pattern.compile("(?iu)" + Pattern.quote(subject.email().strip())), null, "[adresse effacée]"));
        }
        if (!blank(subject.phone()) && subject.phone().strip().length() >= MIN_TERM) {
            rules.add(new Rule(Pattern.compile(Pattern.quote(subject.phone().strip())), null, "[téléphone effacé]"));
        }
        return rules;
    }

    private static Pattern word(String term) {
        if (blank(term)) {
            return null;
        }
        return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
