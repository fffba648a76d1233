/**
 * A README and the pull request that adds one 0.x training command to it:
 * the smallest change the pull-request bot answers with a suggestion.
 */

export const README = `# Tiles segmentation

Training runs on one GPU:

\`\`\`bash
python tools/train.py configs/tiles_fcn.py
\`\`\`
`;

export const COMMAND_0X = 'python tools/train.py configs/tiles_fcn.py --load-from ckpt.pth';
export const COMMAND_1X =
  'python tools/train.py configs/tiles_fcn.py --cfg-options load_from=ckpt.pth';

/** README.md with COMMAND_0X added, on line 12. */
export const README_LOAD_FROM = `${README}
Fine-tune from a checkpoint:

\`\`\`bash
${COMMAND_0X}
\`\`\`
`;
