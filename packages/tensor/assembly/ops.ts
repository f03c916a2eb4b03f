// Operation codes shared with src/kernels/wasm/codes.ts (keep the two lists in step).

// Binary
export const ADD: i32 = 0;
export const SUB: i32 = 1;
export const MUL: i32 = 2;
export const DIV: i32 = 3;
export const MAXIMUM: i32 = 4;
export const MINIMUM: i32 = 5;

// Unary, SIMD in both dtypes
export const NEG: i32 = 0;
export const ABS: i32 = 1;
export const SQUARE: i32 = 2;
export const SQRT: i32 = 3;
export const RECIPROCAL: i32 = 4;
export const RELU: i32 = 5;
export const RELU_DERIVATIVE: i32 = 6;
export const LEAKY_RELU_DERIVATIVE: i32 = 7;
// Unary, computed in float64 per element (float32 data is widened, then rounded once)
export const LEAKY_RELU: i32 = 16;
export const EXP: i32 = 17;
export const EXPM1: i32 = 18;
export const LOG: i32 = 19;
export const LOG1P: i32 = 20;
export const TANH: i32 = 21;
export const SIGMOID: i32 = 22;
export const SIGMOID_DERIVATIVE: i32 = 23;
export const TANH_DERIVATIVE: i32 = 24;
export const SOFTPLUS: i32 = 25;
export const LOG_SIGMOID: i32 = 26;
export const ELU: i32 = 27;
export const ELU_DERIVATIVE: i32 = 28;

// Reductions
export const SUM: i32 = 0;
export const MAX: i32 = 1;
export const MIN: i32 = 2;
export const LOGSUMEXP: i32 = 3;

// Broadcast modes of binary: which operand repeats (PERIODIC: the short operand is repeated
// whole, a bias row; BLOCKS: each of its elements is repeated `period` times, a [rows, 1] column)
export const FULL: i32 = 0;
export const B_SCALAR: i32 = 1;
export const A_SCALAR: i32 = 2;
export const B_PERIODIC: i32 = 3;
export const A_PERIODIC: i32 = 4;
export const B_BLOCKS: i32 = 5;
export const A_BLOCKS: i32 = 6;

// Activations of the fused dense kernels (src/kernels/wasm/dense.ts)
export const ACT_IDENTITY: i32 = 0;
export const ACT_SIGMOID: i32 = 1;
export const ACT_TANH: i32 = 2;
export const ACT_RELU: i32 = 3;
export const ACT_LEAKY_RELU: i32 = 4;
export const ACT_ELU: i32 = 5;
export const ACT_SOFTPLUS: i32 = 6;
