package io.tierline.intake.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A batch of single-document writes as one unordered bulk write, with each write's own outcome: a write that
 * fails (a duplicate key, say) fails alone, the others of the batch are applied.
 */
final class BulkWrites {

    private BulkWrites() {
    }

    /** What became of one write of a bulk write. */
    record Outcome(ErrorCategory error, String message) {

        static final Outcome APPLIED = new Outcome(null, null);

        boolean applied() {
            return error == null;
        }

        boolean duplicateKey() {
            return error == ErrorCategory.DUPLICATE_KEY;
        }

        /** @throws IllegalStateException unless the write was applied */
        void requireApplied(String what) {
            if (!applied()) {
                throw new IllegalStateException(what + " failed: " + message);
            }
        }
    }

    /** Runs the writes unordered; one outcome per write, in their order. */
    static <T> List<Outcome> run(MongoCollection<T> collection, List<? extends WriteModel<T>> writes) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(writes.size(), Outcome.APPLIED));
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                outcomes.set(error.getIndex(), new Outcome(error.getCategory(), error.getMessage()));
            }
        }
        return outcomes;
    }
}
