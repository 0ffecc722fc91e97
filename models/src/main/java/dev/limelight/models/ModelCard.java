package dev.limelight.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.limelight.core.ImageInput;
import dev.limelight.core.ImageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What Limelight needs to know about a DL4J model zip that the zip itself does not say: the input
 * size, channels and layout, the preprocessing preset, the class names, and a calibration
 * temperature. It travels inside the zip as the extra entry {@value #ZIP_ENTRY} (DL4J's
 * {@code ModelSerializer} ignores entries it does not know), so a zip with a card loads with
 * {@link ModelOptions#defaults()}. The bundled Fashion-MNIST model carries one.
 *
 * @param name          a short name for messages and reports
 * @param input         the images the network takes
 * @param preprocessing the preset that turns [0, 255] pixels into the network's input
 * @param classNames    one name per output, class 0 first
 * @param temperature   the temperature fitted by calibration (1 = not calibrated); the classifier
 *                      loaded from the zip is not calibrated unless the caller wraps it
 * @param description   free text: data, accuracy, how to retrain (may be empty)
 */
public record ModelCard(String name, ImageInput input, Preprocessing preprocessing, List<String> classNames,
        double temperature, String description) {

    /** The name of the zip entry holding the card. */
    public static final String ZIP_ENTRY = "limelight-model-card.json";

    private static final String FORMAT = "limelight-model-card/1";

    /**
     * @throws IllegalArgumentException if a field is null, the name or class names are empty, or the
     *                                  temperature is not finite and positive
     */
    public ModelCard {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model card needs a name");
        }
        if (input == null || preprocessing == null || description == null) {
            throw new IllegalArgumentException("model card " + name + ": input, preprocessing and description must not be null");
        }
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("model card " + name + " has no class names");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("model card " + name + ": temperature must be finite and > 0, got "
                    + temperature);
        }
        if (!preprocessing.accepts(input.channels())) {
            throw new IllegalArgumentException("model card " + name + ": preprocessing " + preprocessing
                    + " cannot take " + input.channels() + " channel(s)");
        }
        classNames = List.copyOf(classNames);
    }

    /**
     * @param t a temperature, finite and > 0
     * @return this card with that temperature
     */
    public ModelCard withTemperature(double t) {
        return new ModelCard(name, input, preprocessing, classNames, t, description);
    }

    /** @return the card as pretty-printed JSON */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", name);
        ObjectNode in = root.putObject("input");
        in.put("height", input.height());
        in.put("width", input.width());
        in.put("channels", input.channels());
        in.put("layout", input.layout().name());
        root.put("preprocessing", preprocessing.id());
        ArrayNode names = root.putArray("classNames");
        classNames.forEach(names::add);
        root.put("temperature", temperature);
        root.put("description", description);
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model card " + name, e);
        }
    }

    /**
     * @param json   a card written by {@link #toJson()}
     * @param source names the text in messages
     * @return the card
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static ModelCard fromJson(String json, String source) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("the field 'format' is not " + FORMAT);
            }
            JsonNode in = required(root, "input");
            ImageInput input = new ImageInput(required(in, "height").asInt(),
                    required(in, "width").asInt(), required(in, "channels").asInt(),
                    ImageLayout.valueOf(required(in, "layout").asText()));
            List<String> names = new ArrayList<>();
            required(root, "classNames").forEach(n -> names.add(n.asText()));
            return new ModelCard(required(root, "name").asText(), input,
                    Preprocessing.byName(required(root, "preprocessing").asText()), names,
                    root.path("temperature").asDouble(1.0), root.path("description").asText(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("model card in " + source + " is not valid JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model card in " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the card of a DL4J model zip, if it has one.
     *
     * @param zip an open zip
     * @param source names the zip in messages
     * @return the card, or empty if the zip has no {@value #ZIP_ENTRY} entry
     * @throws IOException if the entry cannot be read
     */
    static Optional<ModelCard> readFrom(ZipFile zip, String source) throws IOException {
        ZipEntry entry = zip.getEntry(ZIP_ENTRY);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), source));
        }
    }

    /**
     * Reads the card of a DL4J model zip, if it has one.
     *
     * @param dl4jZip a zip written by {@code ModelSerializer}
     * @return the card, or empty if the zip has none
     * @throws IOException if the zip cannot be read
     */
    public static Optional<ModelCard> readFrom(Path dl4jZip) throws IOException {
        try (ZipFile zip = new ZipFile(dl4jZip.toFile())) {
            return readFrom(zip, dl4jZip.toString());
        }
    }

    /**
     * Adds this card to a DL4J model zip, replacing the card it may hold.
     *
     * @param dl4jZip a zip written by {@code ModelSerializer}
     * @throws IOException if the zip cannot be rewritten
     */
    public void writeInto(Path dl4jZip) throws IOException {
        URI uri = URI.create("jar:" + dl4jZip.toAbsolutePath().toUri());
        try (FileSystem zipfs = FileSystems.newFileSystem(uri, Map.of())) {
            Files.writeString(zipfs.getPath(ZIP_ENTRY), toJson(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the field '" + field + "' is missing");
        }
        return value;
    }

    @Override
    public String toString() {
        return name + " (" + input + ", preprocessing " + preprocessing + ", " + classNames.size() + " classes"
                + (temperature != 1.0 ? ", T = " + temperature : "") + ")";
    }
}
