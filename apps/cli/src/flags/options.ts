/**
 * The commander definitions of the training flags, shared by `theta train` and `theta grid`,
 * grouped in `--help` by what they set. Every value arrives as a string and is validated by
 * `parseTrainingFlags`, so each bad value gets the same kind of one-line message.
 *
 * @module
 */
import type { Command } from 'commander';
import * as D from '@theta/data';
import * as N from '@theta/nn';
import { optimiserNames } from './optimiser.js';
import { scheduleAccepted } from './schedule.js';

/** Adds the data flags (train, grid and eval share them). */
export function addDataOptions(command: Command, forEval = false): Command {
  return command
    .optionsGroup('Data:')
    .option('--data <name|file.csv>', `a built-in data set (${D.builtinNames.join(', ')}) or a CSV file${forEval ? '' : ' (default: franke, then breast-cancer)'}`)
    .option('--target <column>', 'the target column of a CSV file: its name or 0-based index (the last column)')
    .option('--task <kind>', 'what a CSV target is: regression or classification (regression)')
    .option('--samples <n>', 'samples of a generated data set, an integer ≥ 2 (the generator’s default)')
    .option('--noise <sigma>', 'noise level of a generated data set, a number ≥ 0 (franke: 0.1)');
}

/** Adds every training flag. */
export function addTrainingOptions(command: Command): Command {
  return addDataOptions(command)
    .option('--scale <kind>', 'feature scaling fitted on the training part: standard, minmax or none (standard)')
    .option('--test-fraction <f>', 'share of samples held out for testing, a number in (0, 1) (0.2)')
    .optionsGroup('Network:')
    .option('--layers <sizes>', 'hidden layer sizes, e.g. 50,50, or none (franke: 50,50; otherwise 32)')
    .option('--activation <name>', `activation of the hidden layers: ${N.activationNames.filter((a) => a !== 'softmax').join(', ')}; leakyRelu:0.1 and elu:1 set α (sigmoid)`)
    .option('--output-activation <name>', 'activation of the output layer (identity for regression, sigmoid for two classes, softmax for more)')
    .option('--cost <name>', 'mse, binaryCrossEntropy (bce) or categoricalCrossEntropy (cce) (chosen from the task)')
    .optionsGroup('Optimiser:')
    .option('--optimiser <name>', `one of ${optimiserNames.join(', ')} (adam)`)
    .option('--lr <rate>', 'learning rate η, a number > 0 (0.01; breast-cancer and mnist: 0.001)')
    .option('--schedule <spec>', `learning-rate schedule starting at --lr, steps counted in minibatches: ${scheduleAccepted} (constant)`)
    .option('--momentum <beta>', 'momentum β in [0, 1) of momentum, nesterov and adagrad (0.9; adagrad: none)')
    .option('--beta1 <beta>', 'β₁ in [0, 1) of adam, adamw, adamax, nadam (0.9)')
    .option('--beta2 <beta>', 'β₂ in [0, 1) of adam, adamw, adamax, nadam (0.999)')
    .option('--eps <eps>', 'ε ≥ 0 of adagrad, rmsprop and the adam family (1e-8)')
    .option('--decay <rho>', 'ρ in [0, 1) of rmsprop (0.9)')
    .option('--weight-decay <lambda>', 'decoupled weight decay ≥ 0 of adamw (1e-4)')
    .optionsGroup('Regularisation:')
    .option('--lambda <lambda>', 'penalty strength λ ≥ 0 on the weights (0; franke: 1e-4)')
    .option('--penalty <kind>', "l2 (the notes' λ‖W‖²) or l1 (l2)")
    .option('--reduction <kind>', "the cost over a minibatch: sum (the notes' C = Σ‖t − a‖² + λ‖W‖²) or mean (sum)")
    .optionsGroup('Training:')
    .option('--epochs <n>', 'passes over the training data, an integer ≥ 1 (50; franke: 100; breast-cancer: 40)')
    .option('--batch-size <n>', 'samples per minibatch, an integer ≥ 1, or full (32)')
    .option('--seed <n>', 'seed of the data, split, Θ and batches, an integer in [0, 2^32) (0)')
    .option('--dtype <dtype>', 'float64 or float32 (float64)')
    .option('--gradient <source>', 'backprop (the δ-equations) or reverse (reverse-mode autodiff) (backprop)')
    .option('--patience <n>', 'stop after n epochs without a lower test loss and keep the best Θ, an integer ≥ 1');
}
