package dev.limelight.audit;

import dev.limelight.image.ImageFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.split.FileSplit;

/**
 * A folder of images with one sub-folder per class, read with DataVec ({@link FileSplit} over the
 * image extensions, {@link ParentPathLabelGenerator} for the class). Sub-folder names are matched
 * to the model's class names when every one of them is a class name (case-insensitive); otherwise,
 * if there are as many sub-folders as classes, the sorted sub-folder names are taken as classes
 * 0..K-1.
 *
 * @param root    the folder
 * @param classes the model's class names
 * @param images  every image, in a deterministic order (sorted by path)
 * @param skipped files of the folder left out because they cannot be decoded (see {@link #decodable()})
 */
public record LabelledFolder(Path root, List<String> classes, List<LabelledImage> images, List<SkippedImage> skipped) {

    /**
     * File extensions listed: png, jpg, jpeg, bmp, gif; and webp, heic, heif and avif, which no bundled
     * decoder reads, so that an audit lists them as skipped with the reason instead of passing over them.
     */
    public static final String[] EXTENSIONS = {"png", "jpg", "jpeg", "bmp", "gif", "PNG", "JPG", "JPEG", "BMP", "GIF",
        "webp", "heic", "heif", "avif", "WEBP", "HEIC", "HEIF", "AVIF"};

    /** Copies the lists. */
    public LabelledFolder {
        classes = List.copyOf(classes);
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
    }

    /** A folder with nothing skipped. */
    public LabelledFolder(Path root, List<String> classes, List<LabelledImage> images) {
        this(root, classes, images, List.of());
    }

    /** @return whether every image has a label (false for a flat folder) */
    public boolean labelled() {
        return images.stream().allMatch(LabelledImage::labelled);
    }

    /**
     * @param file a file of this folder
     * @return its path relative to the root, {@code /}-separated: how audit rows name images
     */
    public String relativePath(Path file) {
        Path base = root == null ? Path.of("").toAbsolutePath() : root.toAbsolutePath().normalize();
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** @return the image's path relative to the root, {@code /}-separated */
    public String relativePath(LabelledImage image) {
        return relativePath(image.path());
    }

    /** @return the relative paths of the images, in order */
    public List<String> relativePaths() {
        return images.stream().map(this::relativePath).toList();
    }

    /**
     * Decodes every image once ({@link ImageFiles#read}) and moves the ones that cannot be decoded
     * (truncated, corrupt, empty, not an image, too large) to {@link #skipped()} with the reason.
     *
     * @return the folder of the images that decode, in the same order
     * @throws IllegalArgumentException if no image of the folder decodes
     */
    public LabelledFolder decodable() {
        return decodable(ImageFiles::read);
    }

    /**
     * {@link #decodable()} with the images decoded by {@code decoder} (which may keep them, say).
     *
     * @param decoder decodes an image file, throwing {@link IllegalArgumentException} with the reason
     *                when it cannot
     * @return the folder of the images that decode, in the same order
     * @throws IllegalArgumentException if no image of the folder decodes
     */
    public LabelledFolder decodable(java.util.function.Function<Path, ?> decoder) {
        List<LabelledImage> kept = new ArrayList<>();
        List<SkippedImage> left = new ArrayList<>(skipped);
        for (LabelledImage image : images) {
            try {
                decoder.apply(image.path());
                kept.add(image);
            } catch (IllegalArgumentException e) {
                left.add(new SkippedImage(image.path(), e.getMessage()));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no image of " + root + " can be decoded; the first: "
                    + left.get(0).reason());
        }
        return new LabelledFolder(root, classes, kept, left);
    }

    /**
     * Reads a labelled folder ({@link #read}) or, when the folder has no sub-folders but images of its
     * own, a flat folder of unlabelled images (every image {@link LabelledImage#UNLABELLED}).
     *
     * @param folder     the folder
     * @param modelNames the model's class names
     * @throws IllegalArgumentException as {@link #read} does, or when a flat folder holds no images
     */
    public static LabelledFolder readLabelsIfAny(Path folder, List<String> modelNames) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("data folder not found: " + folder);
        }
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> children = Files.list(root)) {
            if (children.anyMatch(Files::isDirectory)) {
                return read(folder, modelNames);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage(), e);
        }
        List<LabelledImage> images = new ArrayList<>();
        for (URI uri : new FileSplit(root.toFile(), EXTENSIONS, new Random(0)).locations()) {
            images.add(LabelledImage.unlabelled(Path.of(uri)));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no images (" + String.join(", ",
                    Arrays.copyOf(EXTENSIONS, 5)) + "), neither in class sub-folders nor of its own");
        }
        images.sort((a, b) -> a.path().compareTo(b.path()));
        return new LabelledFolder(root, modelNames, images);
    }

    /**
     * Reads a folder whose sub-folders name the classes (for training, when no model names them yet):
     * the classes are the sub-folders' names, sorted.
     *
     * @param folder the folder with one sub-folder per class
     * @throws IllegalArgumentException if the folder is missing, has no class sub-folders or no images
     *                                  in them
     */
    public static LabelledFolder read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("data folder not found: " + folder);
        }
        try (Stream<Path> children = Files.list(folder)) {
            return read(folder, children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the folder.
     *
     * @param folder     the folder with one sub-folder per class (relative to the working directory or absolute)
     * @param modelNames the model's class names
     * @throws IllegalArgumentException if the folder is missing, has no class sub-folders or images,
     *                                  or its classes cannot be matched to the model's
     */
    public static LabelledFolder read(Path folder, List<String> modelNames) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("data folder not found: " + folder);
        }
        Path root = folder.toAbsolutePath().normalize();
        TreeSet<String> folders = new TreeSet<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).forEach(p -> folders.add(p.getFileName().toString()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage(), e);
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException(root + " has no class sub-folders (expected one folder per class)");
        }
        List<String> folderList = new ArrayList<>(folders);
        int[] index = matchClasses(folderList, modelNames, root);

        FileSplit split = new FileSplit(root.toFile(), EXTENSIONS, new Random(0));
        ParentPathLabelGenerator labels = new ParentPathLabelGenerator();
        List<LabelledImage> images = new ArrayList<>();
        for (URI uri : split.locations()) {
            Path path = Path.of(uri);
            if (!path.getParent().getParent().equals(root)) {
                continue;
            }
            String className = labels.getLabelForPath(uri).toString();
            images.add(new LabelledImage(path, className, index[folderList.indexOf(className)]));
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no images (" + String.join(", ",
                    Arrays.copyOf(EXTENSIONS, 5)) + ") in its class sub-folders");
        }
        images.sort((a, b) -> a.path().compareTo(b.path()));
        return new LabelledFolder(root, modelNames, images);
    }

    /**
     * Labelled images listed elsewhere (a table of paths and class names, say a Spark DataFrame),
     * with classes matched to the model's as in {@link #read}: by name when every label is a class
     * name, else the sorted distinct labels as classes 0..K-1. The root is the paths' deepest common
     * folder; images are sorted by path.
     *
     * @param paths      the image files
     * @param labels     the class name of each image
     * @param modelNames the model's class names
     * @throws IllegalArgumentException if the lists are empty or differ in length, or the labels
     *                                  cannot be matched to the model's classes
     */
    public static LabelledFolder of(List<Path> paths, List<String> labels, List<String> modelNames) {
        if (paths.size() != labels.size()) {
            throw new IllegalArgumentException(paths.size() + " paths but " + labels.size() + " labels");
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no images to audit");
        }
        List<String> names = new ArrayList<>(new TreeSet<>(labels));
        Path root = paths.get(0).toAbsolutePath().getParent();
        for (Path p : paths) {
            while (root != null && !p.toAbsolutePath().startsWith(root)) {
                root = root.getParent();
            }
        }
        int[] index = matchClasses(names, modelNames, root);
        List<LabelledImage> images = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            images.add(new LabelledImage(paths.get(i).toAbsolutePath(), labels.get(i),
                    index[names.indexOf(labels.get(i))]));
        }
        images.sort((a, b) -> a.path().compareTo(b.path()));
        return new LabelledFolder(root, modelNames, images);
    }

    private static int[] matchClasses(List<String> folders, List<String> modelNames, Path root) {
        int[] index = new int[folders.size()];
        boolean byName = true;
        for (int f = 0; f < folders.size(); f++) {
            index[f] = -1;
            for (int c = 0; c < modelNames.size(); c++) {
                if (modelNames.get(c).equalsIgnoreCase(folders.get(f))) {
                    index[f] = c;
                }
            }
            byName &= index[f] >= 0;
        }
        if (byName) {
            return index;
        }
        if (folders.size() == modelNames.size()) {
            for (int f = 0; f < folders.size(); f++) {
                index[f] = f;
            }
            return index;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s has %d class folders %s but the model has %d classes %s; name the folders after the classes "
                        + "or give as many folders as classes (taken in sorted order)", root, folders.size(), folders,
                modelNames.size(), modelNames.size() > 12 ? modelNames.subList(0, 12) + "..." : modelNames));
    }
}
