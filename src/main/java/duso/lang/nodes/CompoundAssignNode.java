package duso.lang.nodes;

import duso.lang.values.Numbers;
import duso.lang.values.Render;

/**
 * {@code x op= v} for + - * / %. Numbers combine; {@code +=} concatenates when either side is a
 * string; other operand types are "invalid operands for op=". A local number variable takes a
 * fast path that reads and writes the slot directly.
 */
public final class CompoundAssignNode extends StmtNode {
    public enum Op { ADD, SUB, MUL, DIV, MOD }

    final Target target;
    final Op op;
    final ExprNode value;
    final String file;
    /** Slot of a local variable target, or -1. */
    final int localSlot;

    public CompoundAssignNode(int pos, Target target, Op op, ExprNode value, String file, int localSlot) {
        super(pos);
        this.target = target;
        this.op = op;
        this.value = value;
        this.file = file;
        this.localSlot = localSlot;
    }

    @Override
    public int exec(Frame f) {
        if (localSlot >= 0) {
            Object cur = f.slots[localSlot];
            if (cur instanceof Double a) {
                Object r = value.execute(f);
                if (r instanceof Double b && f.slots[localSlot] == cur) {
                    Object result = apply(f, a, b);
                    f.slots[localSlot] = result;
                    if (tail) {
                        f.result = result;
                    }
                    return NORMAL;
                }
                return finish(f, target.locate(f), cur, r);
            }
        }
        Target.Place place = target.locate(f);
        Object cur = place.read();
        Object r = value.execute(f);
        return finish(f, place, cur, r);
    }

    private int finish(Frame f, Target.Place place, Object cur, Object r) {
        Object result;
        if (cur instanceof Double a && r instanceof Double b) {
            result = apply(f, a, b);
        } else if (op == Op.ADD && (cur instanceof String || r instanceof String)) {
            result = Render.concat(cur).concat(Render.concat(r));
        } else {
            throw Errors.positioned(f, file, pos, "invalid operands for " + symbol());
        }
        place.write(result);
        if (tail) {
            f.result = result;
        }
        return NORMAL;
    }

    private Object apply(Frame f, double a, double b) {
        return switch (op) {
            case ADD -> Numbers.box(a + b);
            case SUB -> Numbers.box(a - b);
            case MUL -> Numbers.box(a * b);
            case DIV -> {
                if (b == 0) {
                    throw Errors.positioned(f, file, pos, "division by zero");
                }
                yield Numbers.box(a / b);
            }
            case MOD -> {
                Double m = b == 0 ? null : Ops.mod(a, b);
                if (m == null) {
                    throw Errors.positioned(f, file, pos, "modulo by zero");
                }
                yield m;
            }
        };
    }

    private String symbol() {
        return switch (op) {
            case ADD -> "+=";
            case SUB -> "-=";
            case MUL -> "*=";
            case DIV -> "/=";
            case MOD -> "%=";
        };
    }
}
