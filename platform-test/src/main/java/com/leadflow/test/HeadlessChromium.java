package com.leadflow.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium through its chromedriver, with a throw-away profile: the one browser
 * setup of every browser test (the local stack's end-to-end tests too).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final WebDriver driver;

    private HeadlessChromium(int width, int height) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=en-US",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
                // no look-ups of outside hosts: there is no network here, and a slow resolver can stall a page load
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                // a quiet browser: no component downloads, sync, extensions, first-run pages or system keyring
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--no-first-run", "--password-store=basic",
                "--disable-dev-shm-usage");
        // the pages' own waits decide when they are ready; an open event stream must not hold a navigation
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of("HOME", profile.toString()))
                // one log for every browser of the test run, so that a failure's log is not overwritten by a later browser
                .withLogFile(new File("target/chromedriver.log")).withAppendLog(true).build();
        driver = new ChromeDriver(service, options);
        // a first page of a cold service on a busy machine took up to 40 s in the sign-in probe
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static HeadlessChromium start() {
        return new HeadlessChromium(1280, 900);
    }

    /** A browser whose window is {@code width} × {@code height} pixels. */
    public static HeadlessChromium start(int width, int height) {
        return new HeadlessChromium(width, height);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
