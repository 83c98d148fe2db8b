package com.leadflow.intake.imaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Imaging bytes as files in one directory: the zero-setup default. */
public class DirectoryImagingStore implements ImagingStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final Path directory;

    public DirectoryImagingStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the imaging directory", e);
        }
    }

    @Override
    public Mono<Void> put(String key, Path file) {
        return Mono.fromCallable(() -> Files.move(file, pathOf(key), StandardCopyOption.REPLACE_EXISTING))
                .onErrorResume(e -> Mono.fromCallable(() -> Files.copy(file, pathOf(key), StandardCopyOption.REPLACE_EXISTING))
                        .doFinally(signal -> file.toFile().delete()))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Flux<DataBuffer> read(String key) {
        return DataBufferUtils.read(pathOf(key), DefaultDataBufferFactory.sharedInstance, 64 * 1024);
    }

    private Path pathOf(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Storage keys are UUID-like");
        }
        return directory.resolve(key);
    }
}
