import { libraryTests, vendoredPackages } from '../../src/scan/vendored.js';

describe('vendoredPackages', () => {
  it('finds copies of mmseg and mmcv at any depth by the files only the package has', () => {
    expect(
      vendoredPackages([
        'mmseg/__init__.py',
        'mmseg/version.py',
        'third_party/mmcv/__init__.py',
        'third_party/mmcv/ops/__init__.py',
        'configs/fcn.py',
      ]),
    ).toEqual(['mmseg/', 'third_party/mmcv/']);
  });

  it('leaves a project package that only shares the name, or a custom package beside it', () => {
    expect(
      vendoredPackages([
        'mmseg/__init__.py',
        'mmseg/my_head.py',
        'mmseg_custom/__init__.py',
        'mmseg_custom/version.py',
      ]),
    ).toEqual([]);
  });
});

describe('libraryTests', () => {
  it('is the tests/ folder beside a copy of the library, when the repository has one', () => {
    const paths = [
      'mmseg/__init__.py',
      'tests/test_models/test_fcn.py',
      'third_party/mmcv/__init__.py',
    ];
    expect(libraryTests(paths, ['mmseg/', 'third_party/mmcv/'])).toEqual(['tests/']);
    expect(libraryTests(['mmseg/__init__.py', 'my_tests/test_a.py'], ['mmseg/'])).toEqual([]);
  });
});
