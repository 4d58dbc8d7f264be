package duso.runtime;

/** A group of builtins by area (strings, math, json, …), registered in one place. */
public interface Library {
    void install(Registry registry, DusoRuntime runtime);
}
