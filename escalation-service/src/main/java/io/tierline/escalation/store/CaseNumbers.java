package io.tierline.escalation.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Readable case numbers {@code TL-<year>-<6 digits>} from one counter document per year, incremented
 * atomically. A number taken by an attempt that then lost a race stays unused: numbers are unique,
 * not gapless.
 */
@ApplicationScoped
public class CaseNumbers {

    static final String COUNTERS = "counters";

    private final MongoCollection<Document> counters;

    CaseNumbers(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.counters = client.getDatabase(database).getCollection(COUNTERS);
    }

    public String next(int year) {
        try {
            return format(year, increment(year));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            // two first numbers of the year raced on the upsert; the counter exists now
            return format(year, increment(year));
        }
    }

    static String format(int year, long sequence) {
        return String.format("TL-%d-%06d", year, sequence);
    }

    private long increment(int year) {
        Document counter = counters.findOneAndUpdate(eq("_id", "case-number-" + year), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("seq")).longValue();
    }
}
