"""Run the tile model on one image and save the overlay."""
from argparse import ArgumentParser

from mmseg.apis import inference_model, init_model, show_result_pyplot
from mmseg.utils import get_palette


def main():
    parser = ArgumentParser()
    parser.add_argument('img')
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('--out-file', default=None)
    args = parser.parse_args()

    model = init_model(args.config, args.checkpoint, device='cuda:0')
    result = inference_model(model, args.img)
    mask = result[0]
    print(mask.shape)
    show_result_pyplot(
        model,
        args.img,
        result,
        opacity=0.5,
        out_file=args.out_file)
    vis = model.show_result(args.img, result, show=False)
    print(type(vis))


if __name__ == '__main__':
    main()
