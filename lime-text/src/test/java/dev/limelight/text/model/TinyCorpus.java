package dev.limelight.text.model;

import dev.limelight.text.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic corpora whose right answer is known. */
final class TinyCorpus {

    private static final String[] FILLER = {"the", "film", "story", "actor", "scene", "plot", "music", "ending",
        "camera", "script", "light", "night", "city", "house", "river", "train"};

    private TinyCorpus() {
    }

    /** Label 1 documents hold "wonderful" or "great", label 0 ones "awful" or "boring", among filler words. */
    static List<LabelledText> reviews(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledText> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            String cue = label == 1 ? (random.nextBoolean() ? "wonderful" : "great")
                    : (random.nextBoolean() ? "awful" : "boring");
            text.insert(random.nextInt(text.length() / 2) * 0, cue + " ");
            docs.add(new LabelledText("doc" + i, text.toString().strip(), label));
        }
        return docs;
    }
}
