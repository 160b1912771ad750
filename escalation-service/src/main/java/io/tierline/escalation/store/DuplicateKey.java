package io.tierline.escalation.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

/** Recognises the duplicate-key error (11000) however the driver reports it. */
final class DuplicateKey {
    private DuplicateKey() {
    }

    static boolean is(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000;
    }
}
