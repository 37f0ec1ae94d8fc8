package org.conclave.recording.entity;

import java.nio.file.Path;

/** A recording's file, checked and ready to be streamed to someone allowed to download it. */
public record RecordingFile(String recordingId, Path path, long sizeBytes, String sha256) {

    /** The name offered to the browser: the recording id and the file's own extension, nothing user-supplied. */
    public String downloadName() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "") : "";
        return "recording-" + recordingId + (extension.isEmpty() ? "" : "." + extension);
    }
}
