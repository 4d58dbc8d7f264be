package duso.lang.ast;

import duso.lang.source.Source;
import java.util.List;

/** A parsed source unit: its top-level statements and the source they came from. */
public record Program(Source source, List<Stmt> statements) {}
