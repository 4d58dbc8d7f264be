package duso.runtime;

/**
 * Where a script instance's print/write/error output goes: the console, or (for spawned
 * scripts with io routing) somewhere else. One interface so print never needs to know.
 */
public interface Output {
    void out(String text);

    void err(String text);

    static Output of(Console console) {
        return new Output() {
            @Override
            public void out(String text) {
                console.out(text);
            }

            @Override
            public void err(String text) {
                console.err(text);
            }
        };
    }
}
