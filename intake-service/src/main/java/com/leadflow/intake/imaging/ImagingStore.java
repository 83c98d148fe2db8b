package com.leadflow.intake.imaging;

import java.nio.file.Path;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where imaging bytes are kept, by key. The directory adapter is the default; an S3-compatible
 * adapter implements the same two operations. Nothing else in intake knows where bytes live.
 */
public interface ImagingStore {

    /** Takes over a complete, checked file (the caller no longer owns {@code file}). */
    Mono<Void> put(String key, Path file);

    /** The stored bytes; an error if the key is unknown. */
    Flux<DataBuffer> read(String key);
}
