package dev.podsearch.query.search;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import jakarta.enterprise.inject.Vetoed;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@link Embeddings} in a state a test chooses, with an embedder whose answer (or failure, or delay) the test writes;
 * it counts the model calls. Never loads a model. Vetoed: it would inherit {@code @ApplicationScoped} and be a second
 * bean; tests install it with {@code QuarkusMock}.
 */
@Vetoed
public class FakeEmbeddings extends Embeddings {

    private volatile State state;
    private volatile Function<String, float[]> model;
    private final AtomicInteger calls = new AtomicInteger();

    public FakeEmbeddings(State state, Function<String, float[]> model) {
        super(null);
        this.state = state;
        this.model = model;
    }

    /** A model that answers a constant vector at once. */
    public static FakeEmbeddings loaded() {
        return new FakeEmbeddings(State.LOADED, text -> new float[] {1, 0, 0});
    }

    public void state(State state) {
        this.state = state;
    }

    public void model(Function<String, float[]> model) {
        this.model = model;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public boolean ready() {
        return state == State.LOADED;
    }

    @Override
    public void start() {}

    @Override
    public Optional<Embedder> embedder() {
        return state == State.LOADED ? Optional.of(embedder) : Optional.empty();
    }

    private final Embedder embedder = new Embedder() {
        @Override
        public float[] embedQuery(String text) {
            calls.incrementAndGet();
            return model.apply(text);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }

        @Override
        public String model() {
            return "fake";
        }

        @Override
        public int dimensions() {
            return 3;
        }
    };
}
