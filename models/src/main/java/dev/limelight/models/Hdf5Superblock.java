package dev.limelight.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an HDF5 file's superblock (the HDF5 File Format Specification, section II.A) before the
 * native library opens the file: the signature (at 0, 512, 1024, ... bytes: after a user block),
 * the version, the size of addresses, and the end-of-file address, which says how long the file
 * must be. A Keras file cut off by a partial download or copy is then refused with its two lengths,
 * in Java, rather than by libhdf5 with "H5Fopen failed". The rest of the file is walked by
 * {@link Hdf5Structure}.
 *
 * @param offset     where the superblock starts (the user block's size)
 * @param version    the superblock's version, 0 to 3
 * @param endOfFile  the end-of-file address plus the base address: the least length of a whole file
 */
record Hdf5Superblock(long offset, int version, long endOfFile) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /**
     * @param file an HDF5 file
     * @return its superblock
     * @throws ModelFileException ({@code DAMAGED}) when no superblock is found, or the file is shorter
     *                            than its end-of-file address
     */
    static Hdf5Superblock requireWhole(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long offset = 0; offset < size; offset = offset == 0 ? 512 : offset * 2) {
                ByteBuffer head = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(head, offset);
                head.flip();
                if (head.remaining() < SIGNATURE.length || !signatureAt(head)) {
                    continue;
                }
                Hdf5Superblock superblock = parse(head, offset, file);
                if (size < superblock.endOfFile()) {
                    throw damaged(file, file + " is truncated: the file is " + size + " bytes, but its HDF5 superblock "
                            + "says it ends at byte " + superblock.endOfFile() + " (a partial download or copy?)");
                }
                return superblock;
            }
            throw damaged(file, file + " has no HDF5 superblock (its signature is missing): not a whole HDF5 file");
        } catch (IOException e) {
            throw damaged(file, file + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean signatureAt(ByteBuffer head) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head.get(i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static Hdf5Superblock parse(ByteBuffer head, long offset, Path file) {
        if (head.limit() < 14) {
            throw damaged(file, file + " is truncated inside its HDF5 superblock");
        }
        int version = head.get(8) & 0xff;
        int addressSize;
        int baseAt;
        switch (version) {
            case 0, 1 -> {
                addressSize = head.get(13) & 0xff;
                baseAt = version == 0 ? 24 : 28;
            }
            case 2, 3 -> {
                addressSize = head.get(9) & 0xff;
                baseAt = 12;
            }
            default -> throw damaged(file, file + " has an HDF5 superblock of unknown version " + version);
        }
        if (addressSize != 2 && addressSize != 4 && addressSize != 8) {
            throw damaged(file, file + " has an HDF5 superblock with addresses of " + addressSize + " bytes: damaged");
        }
        int endAt = baseAt + 2 * addressSize;
        if (endAt + addressSize > head.limit()) {
            throw damaged(file, file + " is truncated inside its HDF5 superblock");
        }
        long base = address(head, baseAt, addressSize);
        long end = address(head, endAt, addressSize);
        if (base < 0 || end < 0 || base + end < 0) {
            throw damaged(file, file + " has an HDF5 superblock whose addresses are out of range: damaged");
        }
        return new Hdf5Superblock(offset, version, base + end);
    }

    private static long address(ByteBuffer head, int at, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (head.get(at + i) & 0xff);
        }
        return value;
    }

    private static ModelFileException damaged(Path file, String message) {
        return new ModelFileException(file, ModelFileException.Problem.DAMAGED, message);
    }
}
