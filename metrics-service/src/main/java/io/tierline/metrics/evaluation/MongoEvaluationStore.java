package io.tierline.metrics.evaluation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Evaluations in the {@code evaluations} collection of the service's database, {@code _id} = evaluationId. */
@ApplicationScoped
public class MongoEvaluationStore implements EvaluationStore {

    private final MongoCollection<Document> evaluations;

    public MongoEvaluationStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.evaluations = client.getDatabase(database).getCollection("evaluations");
    }

    @Override
    public boolean insertIfAbsent(Evaluation evaluation) {
        try {
            evaluations.insertOne(toDocument(evaluation));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Evaluation> find(String evaluationId) {
        return Optional.ofNullable(evaluations.find(Filters.eq("_id", evaluationId)).first())
                .map(MongoEvaluationStore::fromDocument);
    }

    @Override
    public void markPublished(String evaluationId) {
        evaluations.updateOne(Filters.eq("_id", evaluationId), Updates.set("published", true));
    }

    static Document toDocument(Evaluation e) {
        EvaluationInput in = e.input();
        return new Document("_id", e.evaluationId())
                .append("eventId", e.eventId())
                .append("contactId", in.contactId())
                .append("agentId", in.agentId())
                .append("queueId", in.queueId())
                .append("tier", in.tier())
                .append("score", in.score())
                .append("criteria", new Document(new HashMap<>(in.criteria())))
                .append("evaluator", in.evaluator())
                .append("evaluatedAt", Date.from(e.evaluatedAt()))
                .append("published", e.published());
    }

    static Evaluation fromDocument(Document d) {
        Map<String, Integer> criteria = new HashMap<>();
        Document stored = d.get("criteria", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> criteria.put(k, ((Number) v).intValue()));
        }
        var input = new EvaluationInput(d.getString("contactId"), d.getString("agentId"), d.getString("queueId"),
                d.getInteger("tier"), d.getInteger("score"), criteria, d.getString("evaluator"));
        return new Evaluation(d.getString("_id"), d.getString("eventId"), input,
                d.getDate("evaluatedAt").toInstant(), d.getBoolean("published", false));
    }
}
