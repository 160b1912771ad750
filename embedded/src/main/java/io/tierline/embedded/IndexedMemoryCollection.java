package io.tierline.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A memory collection that picks its index the way MongoDB's planner would rather than taking the first that
 * fits: a unique index that pins the query first, else the {@link SecondaryMemoryIndex} whose {@link IndexPlan}
 * pins the most, preferring one that gives the query's sort. With a sort the index gives and a limit, it reads
 * the index in order and stops once the limit is met (finishing the group of equal sort keys it is in), instead
 * of matching and sorting every candidate.
 *
 * <p>The documents come out exactly as the plain backend gives them: the chosen candidates are put back in
 * natural order and the backend matches, sorts (stably) and limits them as it would have the whole collection;
 * every candidate not read sorts strictly after all of those.
 */
final class IndexedMemoryCollection extends MemoryCollection {

    /**
     * Diagnostics (system properties, off when absent): a query slower than {@value #SLOW_QUERY_MS} milliseconds,
     * or one that examined at least {@value #EXAMINED_WARN} documents, is logged with its shape.
     */
    static final String SLOW_QUERY_MS = "tierline.embedded.slow-query-ms";
    static final String EXAMINED_WARN = "tierline.embedded.examined-warn";
    private static final System.Logger LOG = System.getLogger(IndexedMemoryCollection.class.getName());
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong(SLOW_QUERY_MS, -1));
    private static final long EXAMINED = Long.getLong(EXAMINED_WARN, -1);

    /** Documents matched against a query so far (queries on a collection run one at a time). */
    private long examined;

    IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        examined++;
        return super.documentMatchesQuery(document, query);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        if (SLOW_NANOS < 0 && EXAMINED < 0) {
            return plannedQuery(query, orderBy, skip, limit, batchSize, projection);
        }
        long start = System.nanoTime();
        long before = examined;
        QueryResult result = plannedQuery(query, orderBy, skip, limit, batchSize, projection);
        long took = System.nanoTime() - start;
        long docs = examined - before;
        if (SLOW_NANOS >= 0 && took >= SLOW_NANOS || EXAMINED >= 0 && docs >= EXAMINED) {
            LOG.log(System.Logger.Level.WARNING, "query on {0} took {1} ms, examined {2} of {3} documents: {4} "
                    + "sort {5} limit {6}", getCollectionName(), TimeUnit.NANOSECONDS.toMillis(took), docs,
                    count(), query, orderBy, limit);
        }
        return result;
    }

    /** How many documents queries have matched against so far: what an index saves shows here. */
    synchronized long examined() {
        return examined;
    }

    /** How many index entries queries have read from this collection's secondary indexes so far. */
    long indexEntriesRead() {
        return getIndexes().stream().filter(SecondaryMemoryIndex.class::isInstance)
                .mapToLong(index -> ((SecondaryMemoryIndex) index).entriesRead()).sum();
    }

    private QueryResult plannedQuery(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        SecondaryMemoryIndex best = null;
        IndexPlan bestPlan = null;
        int bestSorted = 0;
        for (Index<Integer> index : getIndexes()) {
            if (!(index instanceof SecondaryMemoryIndex secondary)) {
                if (index.canHandle(query)) {
                    return matchDocuments(query, index.getPositions(query), orderBy, skip, limit, batchSize,
                            projection);
                }
                continue;
            }
            IndexPlan plan = secondary.plan(query);
            if (plan == null) {
                continue;
            }
            int sorted = secondary.sortedFields(plan, orderBy);
            if (bestPlan == null || plan.score() > bestPlan.score()
                    || plan.score() == bestPlan.score() && sorted > bestSorted) {
                best = secondary;
                bestPlan = plan;
                bestSorted = sorted;
            }
        }
        if (best == null) {
            return matchDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
        SecondaryMemoryIndex.Scan scan = best.scan(bestPlan, orderBy);
        List<Integer> candidates = scan.sorted() && limit > 0 ? firstMatches(scan, query, skip + limit)
                : scan.naturalOrder();
        return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection);
    }

    /**
     * The matching positions of the leading groups until {@code wanted} are found, in natural order: every match
     * in a later group sorts after all of them.
     */
    private List<Integer> firstMatches(SecondaryMemoryIndex.Scan scan, Document query, int wanted) {
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (List<Integer> group : scan.groups()) {
            for (Integer position : group) {
                if (seen.add(position) && documentMatchesQuery(getDocument(position), query)) {
                    chosen.add(position);
                }
            }
            if (chosen.size() >= wanted) {
                break;
            }
        }
        Collections.sort(chosen);
        return chosen;
    }
}
