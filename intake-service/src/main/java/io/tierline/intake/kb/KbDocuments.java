package io.tierline.intake.kb;

import io.tierline.events.Channel;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Maps an article to its Lucene document (see {@link KbFields}). */
final class KbDocuments {

    private KbDocuments() {
    }

    static Document of(KbArticle article) {
        String key = KbAnalyzers.keyOf(article.language());
        var doc = new Document();
        doc.add(new StringField(KbFields.ID, article.id(), Store.YES));
        doc.add(new StringField(KbFields.LANGUAGE, article.language().toLowerCase(Locale.ROOT), Store.YES));
        article.categories().forEach(c ->
                doc.add(new StringField(KbFields.CATEGORY, c.trim().toLowerCase(Locale.ROOT), Store.NO)));
        if (article.channels().isEmpty()) {
            doc.add(new StringField(KbFields.CHANNEL, KbFields.ANY_CHANNEL, Store.NO));
        }
        for (Channel channel : article.channels()) {
            doc.add(new StringField(KbFields.CHANNEL, channel.name(), Store.NO));
        }
        doc.add(new TextField(KbFields.text(KbFields.TITLE, key), article.title(), Store.NO));
        article.tags().forEach(t -> doc.add(new TextField(KbFields.text(KbFields.TAGS, key), t, Store.NO)));
        doc.add(new TextField(KbFields.text(KbFields.BODY, key), article.body(), Store.NO));
        doc.add(new StoredField(KbFields.TITLE, article.title()));
        doc.add(new StoredField(KbFields.BODY, article.body()));
        return doc;
    }
}
