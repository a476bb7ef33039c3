package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelReadyTest {

    @Test
    void aHybridAnswerMeansTheModelAnswered() {
        assertTrue(ModelReady.modelAnswered("{\"total\":3,\"mode\":\"hybrid\",\"degraded\":null}"));
    }

    @Test
    void onACorpusWithoutVectorsTheReasonThatNoneHasOneMeansTheModelAnswered() {
        assertTrue(ModelReady.modelAnswered("{\"total\":1000,\"mode\":\"keyword\",\"degraded\":\"no episode searched"
                + " has its meaning vectors yet (the embed stage has not run); searched by keyword\"}"));
    }

    @Test
    void aKeywordAnswerWhileTheModelLoadsDoesNot() {
        assertFalse(ModelReady.modelAnswered("{\"total\":1000,\"mode\":\"keyword\",\"degraded\":\"the meaning model is"
                + " still loading; searched by keyword\"}"));
    }
}
